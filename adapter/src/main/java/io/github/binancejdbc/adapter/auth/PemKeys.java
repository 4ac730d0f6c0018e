package io.github.binancejdbc.adapter.auth;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Reads a PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}, or {@code BEGIN ENCRYPTED PRIVATE KEY}
 * with a passphrase) and detects whether it is Ed25519 or RSA. Errors name the file, never its
 * contents or the passphrase.
 */
public final class PemKeys {
  private PemKeys() {}

  public static PrivateKey load(String file, @Nullable String passphrase) {
    String pem;
    try {
      pem = Files.readString(Path.of(file), US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw fail("Cannot read privateKeyFile " + file + ": " + e.getClass().getSimpleName(), e);
    }
    return parse(pem, passphrase, file);
  }

  static PrivateKey parse(String pem, @Nullable String passphrase, String source) {
    boolean encrypted = pem.contains("BEGIN ENCRYPTED PRIVATE KEY");
    if (!encrypted && !pem.contains("BEGIN PRIVATE KEY")) {
      throw fail(
          "privateKeyFile "
              + source
              + " is not a PKCS#8 PEM key (expected BEGIN PRIVATE"
              + " KEY or BEGIN ENCRYPTED PRIVATE KEY; convert with openssl pkcs8 -topk8)",
          null);
    }
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw fail("privateKeyFile " + source + " is not valid PEM (bad base64)", e);
    }
    PKCS8EncodedKeySpec spec;
    if (encrypted) {
      if (passphrase == null) {
        throw fail("privateKeyFile " + source + " is encrypted: set privateKeyPassphrase", null);
      }
      try {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        String alg =
            info.getAlgParameters() == null
                ? info.getAlgName()
                : info.getAlgParameters().toString();
        SecretKeyFactory f = SecretKeyFactory.getInstance(alg);
        Cipher cipher = Cipher.getInstance(alg);
        cipher.init(
            Cipher.DECRYPT_MODE,
            f.generateSecret(new PBEKeySpec(passphrase.toCharArray())),
            info.getAlgParameters());
        spec = info.getKeySpec(cipher);
      } catch (GeneralSecurityException | IOException e) {
        throw fail(
            "Cannot decrypt privateKeyFile "
                + source
                + ": wrong privateKeyPassphrase or"
                + " unsupported encryption ("
                + e.getClass().getSimpleName()
                + ")",
            e);
      }
    } else {
      spec = new PKCS8EncodedKeySpec(der);
    }
    for (String alg : new String[] {"Ed25519", "RSA"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next type
      }
    }
    throw fail("privateKeyFile " + source + " holds neither an Ed25519 nor an RSA key", null);
  }

  private static BinanceException fail(String message, @Nullable Throwable cause) {
    return new BinanceException(SqlState.INVALID_AUTHORIZATION, 0, message, cause);
  }
}
