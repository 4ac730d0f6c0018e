package io.github.binancejdbc.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.simulator.ApiKey;
import io.github.binancejdbc.simulator.BinanceSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 and RSA keys from PEM files sign requests the exchange verifies (through the shaded jar,
 * as in {@link ShadedTradingIT}); an HMAC connection with the wrong secret is refused with 28000.
 */
class KeyTypesIT {
  @Test
  void ed25519AndRsaPemKeysSignAcceptedRequests() throws Exception {
    Path dir = Files.createTempDirectory("keys");
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
    rsaGen.initialize(2048);
    KeyPair rsa = rsaGen.generateKeyPair();
    Path edFile = dir.resolve("ed25519.pem");
    Path rsaFile = dir.resolve("rsa.pem");
    Files.writeString(edFile, pem(ed.getPrivate().getEncoded()), UTF_8);
    Files.writeString(rsaFile, pem(rsa.getPrivate().getEncoded()), UTF_8);
    try (BinanceSimulator sim =
        BinanceSimulator.builder()
            .port(0)
            .apiKey(ApiKey.ed25519("ed-key-1", ed.getPublic()))
            .apiKey(ApiKey.rsa("rsa-key-1", rsa.getPublic()))
            .build()
            .start()) {
      ShadedTradingIT.sim = sim;
      ShadedTradingIT.start0();
      try {
        for (String[] k :
            new String[][] {{"ed-key-1", edFile.toString()}, {"rsa-key-1", rsaFile.toString()}}) {
          Properties p = new Properties();
          p.setProperty("apiKey", k[0]);
          p.setProperty("privateKeyFile", k[1]);
          try (Connection c =
                  ShadedTradingIT.driver.connect("jdbc:binance:?baseUrl=" + sim.baseUrl(), p);
              ResultSet rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT asset, free_qty FROM account_balances WHERE asset = 'USDT'")) {
            assertTrue(rs.next(), k[0]);
            assertEquals("USDT", rs.getString(1));
            assertFalse(rs.next());
          }
        }
        Properties wrong = new Properties();
        wrong.setProperty("apiKey", BinanceSimulator.DEMO_API_KEY);
        wrong.setProperty("secretKey", "not-the-demo-secret");
        try (Connection c =
            ShadedTradingIT.driver.connect("jdbc:binance:?baseUrl=" + sim.baseUrl(), wrong)) {
          java.sql.SQLException e =
              org.junit.jupiter.api.Assertions.assertThrows(
                  java.sql.SQLException.class,
                  () -> ShadedTradingIT.one(c, "SELECT uid FROM account"));
          assertEquals("28000", e.getSQLState());
          assertEquals(-1022, e.getErrorCode());
          assertFalse(e.getMessage().contains("not-the-demo-secret"));
        }
      } finally {
        ShadedTradingIT.loader.close();
      }
    }
  }

  private static String pem(byte[] der) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }
}
