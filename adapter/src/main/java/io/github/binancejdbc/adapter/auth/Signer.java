package io.github.binancejdbc.adapter.auth;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signs the exact bytes of a request (its percent-encoded query string followed by its body):
 * HMAC-SHA256 as lower-case hex, Ed25519 and RSASSA-PKCS1-v1_5/SHA-256 as base64. {@link
 * #toString()} never shows key material.
 *
 * @see <a
 *     href="https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type">Binance:
 *     signed endpoints</a>
 */
public abstract class Signer {
  private Signer() {}

  /** The signature parameter value for {@code payload}. */
  public abstract String sign(String payload);

  /** {@code HMAC-SHA256}, {@code Ed25519} or {@code RSA}. */
  public abstract String algorithm();

  @Override
  public String toString() {
    return "Signer{" + algorithm() + "}";
  }

  /**
   * The signer the configuration asks for: a private key file wins over a secret key.
   *
   * @return {@code null} when the configuration has neither
   */
  public static @Nullable Signer fromConfig(BinanceConfig config) {
    if (config.privateKeyFile() != null) {
      return forKey(PemKeys.load(config.privateKeyFile(), config.privateKeyPassphrase()));
    }
    if (config.secretKey() != null) {
      return hmac(config.secretKey());
    }
    return null;
  }

  public static Signer hmac(String secretKey) {
    SecretKeySpec key = new SecretKeySpec(secretKey.getBytes(UTF_8), "HmacSHA256");
    return new Signer() {
      @Override
      public String sign(String payload) {
        try {
          Mac mac = Mac.getInstance("HmacSHA256");
          mac.init(key);
          return hex(mac.doFinal(payload.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
      }

      @Override
      public String algorithm() {
        return "HMAC-SHA256";
      }
    };
  }

  /** Ed25519 or RSA, chosen by the key's algorithm. */
  public static Signer forKey(PrivateKey key) {
    String alg = key.getAlgorithm();
    String jca;
    String name;
    if (alg.equals("EdDSA") || alg.equals("Ed25519")) {
      jca = "Ed25519";
      name = "Ed25519";
    } else if (alg.equals("RSA")) {
      jca = "SHA256withRSA";
      name = "RSA";
    } else {
      throw new BinanceException(
          SqlState.INVALID_AUTHORIZATION,
          0,
          "privateKeyFile holds a " + alg + " key; Binance accepts Ed25519 or RSA keys",
          null);
    }
    return new Signer() {
      @Override
      public String sign(String payload) {
        try {
          Signature s = Signature.getInstance(jca);
          s.initSign(key);
          s.update(payload.getBytes(UTF_8));
          return new String(Base64.getEncoder().encode(s.sign()), US_ASCII);
        } catch (GeneralSecurityException e) {
          throw new BinanceException(
              SqlState.INVALID_AUTHORIZATION,
              0,
              "Cannot sign with the " + name + " key: " + e.getMessage(),
              e);
        }
      }

      @Override
      public String algorithm() {
        return name;
      }
    };
  }

  private static String hex(byte[] bytes) {
    char[] digits = "0123456789abcdef".toCharArray();
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = digits[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = digits[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
