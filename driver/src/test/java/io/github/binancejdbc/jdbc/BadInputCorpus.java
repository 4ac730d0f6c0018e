package io.github.binancejdbc.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * A few hundred statements a user (or a fuzzer) may send that must each fail with a clear
 * SQLException: malformed SQL, unknown names, wrong types, absurd values, injection-like symbols,
 * bad procedure arguments and statements too large to run. {@code sent} says whether the driver may
 * reach the API first (a symbol only Binance can judge) or must refuse before sending.
 */
final class BadInputCorpus {
  /** One bad statement; {@code state} is the SQLState expected, or null for "any non-null". */
  record Case(String sql, String state, boolean sent) {}

  private BadInputCorpus() {}

  static final String PLACE =
      "place_order(symbol => 'BTCUSDT', side => 'BUY',"
          + " order_type => 'LIMIT', time_in_force => 'GTC', ";

  static List<Case> all() {
    List<Case> out = new ArrayList<>();
    String[] tables = {
      "klines",
      "trades",
      "agg_trades",
      "order_book",
      "avg_price",
      "ticker_24hr",
      "ticker_price",
      "book_ticker",
      "symbols",
      "symbol_filters",
      "server_time"
    };
    // Malformed SQL: nothing may be sent.
    String[] malformed = {
      "SELEC * FROM %s",
      "SELECT * FRM %s",
      "SELECT * FROM %s WHERE",
      "SELECT * FROM %s WHERE symbol =",
      "SELECT * FROM %s WHERE (symbol = 'BTCUSDT'",
      "SELECT * FROM %s WHERE symbol = 'BTCUSDT",
      "SELECT * FROM %s ORDER",
      "SELECT * FROM %s)",
      "SELECT , FROM %s",
      "SELECT * FROM %s LIMIT",
      "SELECT * FROM %s GROUP BY",
      "SELECT * FROM %s WHERE symbol == 'BTCUSDT'",
      "SELECT * FROM %s; DROP TABLE %s",
      "SELECT * FROM %s WHERE symbol = \"BTCUSDT\""
    };
    for (String t : tables) {
      for (String m : malformed) {
        out.add(new Case(m.replace("%s", t), null, false));
      }
      out.add(new Case("SELECT no_such_column FROM " + t, "42703", false));
      out.add(new Case("SELECT * FROM " + t + " WHERE no_such_column = 1", "42703", false));
      out.add(new Case("SELECT nosuchfunction(1) FROM " + t, "42883", false));
      out.add(new Case("SELECT * FROM " + t + " LIMIT -1", null, false));
      out.add(new Case("SELECT * FROM " + t + " LIMIT 'ten'", null, false));
      out.add(new Case("SELECT * FROM " + t + " LIMIT 1e3", null, false));
      out.add(new Case("SELECT * FROM " + t + " OFFSET -5 ROWS", null, false));
      out.add(
          new Case(
              "SELECT * FROM " + t + " WHERE symbol = ?",
              t.equals("server_time") ? "42703" : "07001",
              false));
    }
    for (String t : new String[] {"klines", "avg_price", "trades", "order_book", "agg_trades"}) {
      out.add(new Case("SELECT * FROM " + t, "0A000", false));
    }
    String[] tablesMissing = {
      "candles", "klinez", "binance.nothing", "metadata.nope", "\"klines \""
    };
    for (String t : tablesMissing) {
      out.add(new Case("SELECT * FROM " + t, "42P01", false));
    }
    // Typed columns compared with text that is not a value of the type: refused when the
    // statement is converted, before any request.
    String kl = "SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h' AND ";
    for (String col : new String[] {"open_price", "high_price", "volume", "quote_volume"}) {
      for (String v : new String[] {"'cheap'", "'1,5'", "'0x10'", "'NaN'", "'--1'", "''"}) {
        out.add(new Case(kl + col + " > " + v, "22018", false));
      }
    }
    for (String v :
        new String[] {
          "'yesterday'", "'2024-13-45'", "'now'", "'1704067200000'", "'2024/01/01'", "''"
        }) {
      out.add(new Case(kl + "open_time >= " + v, null, false));
      out.add(new Case(kl + "close_time < " + v, null, false));
    }
    for (String v : new String[] {"'abc'", "'1.5x'", "'9223372036854775808'", "'--'"}) {
      out.add(new Case(kl + "trade_count = " + v, "22018", false));
    }
    for (String type : new String[] {"BIGINT", "INTEGER", "DECIMAL(10,2)", "DOUBLE", "SMALLINT"}) {
      out.add(new Case("SELECT CAST('x' AS " + type + ") FROM server_time", "22018", false));
      out.add(new Case("SELECT CAST('12abc' AS " + type + ")", null, false));
    }
    out.add(new Case("SELECT CAST('x' AS BOOLEAN)", null, false));
    out.add(new Case("SELECT CAST('x' AS DATE)", null, false));
    out.add(new Case("SELECT CAST(99999999999 AS INTEGER)", null, false));
    out.add(new Case("SELECT 1/0", "22012", false));
    out.add(new Case("SELECT CAST(1e400 AS DOUBLE)", null, false));
    // Statements too large or too deep, or with a character the engine cannot hold.
    StringBuilder in = new StringBuilder(kl + "trade_count IN (0");
    for (int i = 1; i < 20_000; i++) {
      in.append(',').append(i);
    }
    out.add(new Case(in.append(')').toString(), null, false));
    StringBuilder deep = new StringBuilder("SELECT ");
    for (int i = 0; i < 3000; i++) {
      deep.append('(');
    }
    deep.append('1');
    for (int i = 0; i < 3000; i++) {
      deep.append(')');
    }
    out.add(new Case(deep.toString(), null, false));
    StringBuilder plus = new StringBuilder("SELECT 1");
    for (int i = 0; i < 5000; i++) {
      plus.append("+1");
    }
    out.add(new Case(plus.toString(), null, false));
    // Procedures: unknown, wrong arity, wrong types, fractions, overflow, empty strings.
    out.add(new Case("CALL no_such_procedure()", "42883", false));
    out.add(new Case("CALL place_orderz(symbol => 'BTCUSDT')", "42883", false));
    out.add(new Case("SELECT * FROM TABLE(no_such_procedure(1))", "42883", false));
    out.add(
        new Case(
            "CALL cancel_order('BTCUSDT', 1, 'a', 'b', 'ONLY_NEW', 'extra', 'x')", "42883", false));
    out.add(new Case("CALL cancel_order(nope => 1)", null, false));
    String[] badIds = {
      "1.5",
      "0.0001",
      "-0.5",
      "1.5e0",
      "9223372036854775808",
      "12345678901234567890123456789012345678901",
      "'1.5'",
      "'abc'",
      "''",
      "' '",
      "'１'",
      "CAST('NaN' AS DOUBLE)",
      "CAST('Infinity' AS DOUBLE)",
      "1.0000000000000000001",
      "TRUE"
    };
    for (String id : badIds) {
      out.add(
          new Case("CALL cancel_order(symbol => 'BTCUSDT', order_id => " + id + ")", null, false));
      out.add(
          new Case(
              "SELECT * FROM TABLE("
                  + PLACE
                  + "quantity => 1, price => 20000,"
                  + " strategy_id => "
                  + id
                  + "))",
              null,
              false));
      out.add(
          new Case(
              "SELECT * FROM TABLE("
                  + PLACE
                  + "quantity => 1, price => 20000,"
                  + " trailing_delta => "
                  + id
                  + "))",
              null,
              false));
    }
    String[] badDecimals = {
      "'abc'",
      "''",
      "' '",
      "CAST('NaN' AS DOUBLE)",
      "CAST('Infinity' AS DOUBLE)",
      "'1e999999999'",
      "'0x10'",
      "'1,5'",
      "TRUE",
      "-1",
      "0.000000000000000000001",
      "1234567890123456789012345678901234567890"
    };
    for (String q : badDecimals) {
      out.add(
          new Case(
              "SELECT * FROM TABLE(" + PLACE + "quantity => " + q + ", price => 20000))",
              null,
              false));
      out.add(
          new Case(
              "SELECT * FROM TABLE(" + PLACE + "quantity => 1, price => " + q + "))", null, false));
    }
    // A LIMIT order without a price: only Binance's own check refuses it (-1102).
    out.add(new Case("SELECT * FROM TABLE(" + PLACE + "quantity => 1))", null, true));
    out.add(new Case("SELECT * FROM TABLE(place_order(symbol => 'BTCUSDT'))", null, false));
    out.add(new Case("CALL place_order()", null, false));
    // Injection-like symbol values: only Binance can judge a symbol; it must arrive encoded.
    String[] symbols = {
      "BTCUSDT' OR '1'='1",
      "BTCUSDT; DROP TABLE klines",
      "../../api/v3/account",
      "BTC&symbol=ETHUSDT",
      "BTC%26USDT",
      "BTC\nUSDT",
      "<script>",
      "BTCUSDT\u0000",
      "' UNION SELECT 1 --",
      "${jndi:ldap://x}",
      "BTC\"USDT",
      "null"
    };
    for (String s : symbols) {
      String lit = "'" + s.replace("'", "''") + "'";
      out.add(new Case("SELECT * FROM avg_price WHERE symbol = " + lit, "22023", true));
      out.add(
          new Case(
              "SELECT * FROM ticker_24hr WHERE symbol IN (" + lit + ", 'BTCUSDT')", "22023", true));
    }
    return out;
  }
}
