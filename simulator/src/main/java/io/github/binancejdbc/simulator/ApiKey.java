package io.github.binancejdbc.simulator;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An API key the simulator accepts, with what verifies its signatures: an HMAC secret, or an
 * Ed25519 or RSA public key (Binance's three key types). Each key belongs to an account; a
 * read-only key is refused on TRADE endpoints with -2015. {@link #toString()} never shows the
 * secret.
 */
public final class ApiKey {
  /** Binance's API key types. */
  public enum Type {
    HMAC_SHA256,
    ED25519,
    RSA
  }

  private final String key;
  private final Type type;
  private final byte[] secret;
  private final PublicKey publicKey;
  private final String account;
  private final boolean canTrade;

  private ApiKey(
      String key, Type type, byte[] secret, PublicKey publicKey, String account, boolean canTrade) {
    this.key = requireNonNull(key, "apiKey is null");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("apiKey is empty");
    }
    this.type = type;
    this.secret = secret;
    this.publicKey = publicKey;
    this.account = requireNonNull(account, "account is null");
    this.canTrade = canTrade;
  }

  /**
   * An HMAC-SHA256 key: signatures are the hex HMAC of the payload keyed with {@code secretKey}.
   */
  public static ApiKey hmac(String apiKey, String secretKey) {
    requireNonNull(secretKey, "secretKey is null");
    return new ApiKey(
        apiKey,
        Type.HMAC_SHA256,
        secretKey.getBytes(UTF_8),
        null,
        BinanceSimulator.DEMO_ACCOUNT,
        true);
  }

  /** An Ed25519 key: signatures are base64 Ed25519 signatures of the payload. */
  public static ApiKey ed25519(String apiKey, PublicKey publicKey) {
    requireNonNull(publicKey, "publicKey is null");
    if (!publicKey.getAlgorithm().equals("Ed25519") && !publicKey.getAlgorithm().equals("EdDSA")) {
      throw new IllegalArgumentException("not an Ed25519 key: " + publicKey.getAlgorithm());
    }
    return new ApiKey(apiKey, Type.ED25519, null, publicKey, BinanceSimulator.DEMO_ACCOUNT, true);
  }

  /** An RSA key: signatures are base64 RSASSA-PKCS1-v1_5 SHA-256 signatures of the payload. */
  public static ApiKey rsa(String apiKey, PublicKey publicKey) {
    requireNonNull(publicKey, "publicKey is null");
    if (!publicKey.getAlgorithm().equals("RSA")) {
      throw new IllegalArgumentException("not an RSA key: " + publicKey.getAlgorithm());
    }
    return new ApiKey(apiKey, Type.RSA, null, publicKey, BinanceSimulator.DEMO_ACCOUNT, true);
  }

  /**
   * An Ed25519 or RSA key from a PEM file holding the public key ({@code -----BEGIN PUBLIC
   * KEY-----}, X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes it). The type is
   * detected.
   *
   * @throws IllegalArgumentException if the file holds no Ed25519 or RSA public key
   */
  public static ApiKey fromPem(String apiKey, Path pemFile) {
    String pem;
    try {
      pem = Files.readString(pemFile, US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pemFile, e);
    }
    PublicKey pub = parsePublicKeyPem(pem);
    return pub.getAlgorithm().equals("RSA") ? rsa(apiKey, pub) : ed25519(apiKey, pub);
  }

  /** Parses a PEM public key (Ed25519 or RSA). */
  public static PublicKey parsePublicKeyPem(String pem) {
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(b64);
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    for (String alg : new String[] {"Ed25519", "RSA"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("no Ed25519 or RSA public key in the PEM text");
  }

  /** The same key for another account (created with the builder's default balances if new). */
  public ApiKey forAccount(String accountName) {
    return new ApiKey(key, type, secret, publicKey, accountName, canTrade);
  }

  /** The same key without trading permission (TRADE endpoints answer -2015). */
  public ApiKey readOnly() {
    return new ApiKey(key, type, secret, publicKey, account, false);
  }

  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  public String account() {
    return account;
  }

  public boolean canTrade() {
    return canTrade;
  }

  /**
   * Whether {@code signature} (the parameter's decoded value) signs {@code payload} (query string
   * followed by body, exactly as sent).
   */
  boolean verifies(byte[] payload, String signature) {
    try {
      switch (type) {
        case HMAC_SHA256 -> {
          Mac mac = Mac.getInstance("HmacSHA256");
          mac.init(new SecretKeySpec(secret, "HmacSHA256"));
          byte[] expected = HexFormat.of().formatHex(mac.doFinal(payload)).getBytes(US_ASCII);
          byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(US_ASCII);
          return MessageDigest.isEqual(expected, given);
        }
        case ED25519, RSA -> {
          Signature v = Signature.getInstance(type == Type.RSA ? "SHA256withRSA" : "Ed25519");
          v.initVerify(publicKey);
          v.update(payload);
          // A client that did not percent-encode '+' has it decoded to ' '.
          return v.verify(Base64.getDecoder().decode(signature.replace(' ', '+')));
        }
        default -> throw new IllegalStateException();
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ApiKey{"
        + key
        + ", "
        + type
        + ", account="
        + account
        + (canTrade ? "" : ", read-only")
        + "}";
  }
}
