package io.github.binancejdbc.adapter.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Golden vectors from Binance's "signed endpoint" documentation, and key handling. */
class SignerTest {
  // Binance's documented example key pair (public documentation material, not a real account).
  private static final String DOC_SECRET =
      "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  @Test
  void hmacMatchesTheDocumentedQueryStringExample() {
    assertEquals(
        "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
        Signer.hmac(DOC_SECRET)
            .sign(
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));
  }

  @Test
  void hmacMatchesTheDocumentedQueryPlusBodyExample() {
    // The payload is the query string followed directly by the body, with no '&' between.
    assertEquals(
        "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77",
        Signer.hmac(DOC_SECRET)
            .sign(
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));
  }

  @Test
  void hmacSignsThePercentEncodedBytesOfNonAsciiSymbols() {
    assertEquals(
        "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3",
        Signer.hmac(DOC_SECRET)
            .sign(
                "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95"
                    + "%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                    + "&recvWindow=5000&timestamp=1499827319559"));
  }

  @Test
  void hmacMatchesAConnectorVectorForAGetWithRecvWindow() {
    // binance-connector-java AccountApiTest (MIT): key "secretKey".
    assertEquals(
        "d326342fddb7d8574fa355101500c78ab918b5af9854b62a591963c69dc618a3",
        Signer.hmac("secretKey").sign("symbol=BTCUSDT&timestamp=1736393892000"));
  }

  @Test
  void ed25519AndRsaKeysFromPemSignVerifiably() throws Exception {
    for (String alg : new String[] {"Ed25519", "RSA"}) {
      KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
      if (alg.equals("RSA")) {
        g.initialize(2048);
      }
      KeyPair kp = g.generateKeyPair();
      String pem = pem("PRIVATE KEY", kp.getPrivate().getEncoded());
      PrivateKey loaded = PemKeys.parse(pem, null, "test.pem");
      Signer signer = Signer.forKey(loaded);
      assertEquals(alg, signer.algorithm());
      String payload =
          "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1"
              + "&price=0.2&timestamp=1668481559918";
      String sig = signer.sign(payload);
      Signature v = Signature.getInstance(alg.equals("RSA") ? "SHA256withRSA" : "Ed25519");
      v.initVerify(kp.getPublic());
      v.update(payload.getBytes(UTF_8));
      assertTrue(v.verify(Base64.getDecoder().decode(sig)), alg);
      if (alg.equals("Ed25519")) {
        assertEquals(88, sig.length());
      }
      assertFalse(signer.toString().contains(sig));
    }
  }

  @Test
  void encryptedPemNeedsTheRightPassphrase() throws Exception {
    // The JDK cannot write a PBES2 PEM, so openssl makes one (as users do).
    Path dir = Files.createTempDirectory("pem");
    Path plain = dir.resolve("ed.pem");
    Path enc = dir.resolve("ed-enc.pem");
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.writeString(plain, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "openssl",
                  "pkcs8",
                  "-topk8",
                  "-v2",
                  "aes-256-cbc",
                  "-in",
                  plain.toString(),
                  "-out",
                  enc.toString(),
                  "-passout",
                  "pass:s3cret")
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      Assumptions.abort("openssl is not installed: " + e.getMessage());
      return;
    }
    assertEquals(0, p.waitFor());
    String pem = Files.readString(enc);
    PrivateKey loaded = PemKeys.load(enc.toString(), "s3cret");
    assertEquals("Ed25519", Signer.forKey(loaded).algorithm());
    assertEquals(
        Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()),
        Base64.getEncoder().encodeToString(loaded.getEncoded()));
    BinanceException none =
        assertThrows(BinanceException.class, () -> PemKeys.parse(pem, null, "enc.pem"));
    assertEquals(
        "privateKeyFile enc.pem is encrypted: set privateKeyPassphrase", none.getMessage());
    BinanceException wrong =
        assertThrows(BinanceException.class, () -> PemKeys.parse(pem, "nope", "enc.pem"));
    String message = String.valueOf(wrong.getMessage());
    assertTrue(
        message.startsWith(
            "Cannot decrypt privateKeyFile enc.pem: wrong" + " privateKeyPassphrase"),
        message);
    assertFalse(message.contains("nope"), message);
    assertEquals("28000", wrong.sqlState());
  }

  @Test
  void notAPemKeySaysHowToConvert() {
    BinanceException e =
        assertThrows(
            BinanceException.class,
            () ->
                PemKeys.parse(
                    "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----",
                    null,
                    "old.pem"));
    assertTrue(String.valueOf(e.getMessage()).contains("openssl pkcs8 -topk8"), e.getMessage());
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
