package io.github.binancejdbc.adapter.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The column block syntax of table definitions: every kind, continuation lines, and the errors. */
class ColumnBlockTest {
  @Test
  void eachLineIsOneColumnWithNameTypeKindAndDescription() {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .columns(
                """
            symbol      VARCHAR    key           Trading pair, e.g. BTCUSDT
            status      VARCHAR    optional-key  TRADING or HALT
            open_time   TIMESTAMP  range         Start (UTC)
            client_id   VARCHAR    lookup        Client id
            price       DECIMAL    plain         Price
            qty         DECIMAL    nullable      Quantity
            permission  VARCHAR    nullable,optional-key  Asked-for permission
            """)
            .build();
    assertEquals(
        List.of(
            new ColumnDef(
                "symbol", ColumnType.VARCHAR, false, Pushdown.KEY, "Trading pair, e.g. BTCUSDT"),
            new ColumnDef(
                "status", ColumnType.VARCHAR, false, Pushdown.OPTIONAL_KEY, "TRADING or HALT"),
            new ColumnDef("open_time", ColumnType.TIMESTAMP, false, Pushdown.RANGE, "Start (UTC)"),
            new ColumnDef("client_id", ColumnType.VARCHAR, false, Pushdown.LOOKUP, "Client id"),
            new ColumnDef("price", ColumnType.DECIMAL, false, Pushdown.NONE, "Price"),
            new ColumnDef("qty", ColumnType.DECIMAL, true, Pushdown.NONE, "Quantity"),
            new ColumnDef(
                "permission",
                ColumnType.VARCHAR,
                true,
                Pushdown.OPTIONAL_KEY,
                "Asked-for permission")),
        def.columns());
  }

  @Test
  void aNameWithColonFieldIsReadFromThatJsonFieldAndTheParserSkipsTheRest() throws Exception {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .columns(
                """
            symbol        VARCHAR    key    Trading pair
            trade_id:a    BIGINT     range  Id,
                                            continued
            price:p       DECIMAL    plain  Price
            """)
            .build();
    assertEquals(
        List.of(
            new ColumnDef("symbol", ColumnType.VARCHAR, false, Pushdown.KEY, "Trading pair", null),
            new ColumnDef(
                "trade_id", ColumnType.BIGINT, false, Pushdown.RANGE, "Id, continued", "a"),
            new ColumnDef("price", ColumnType.DECIMAL, false, Pushdown.NONE, "Price", "p")),
        def.columns());
    Object[] row = new Object[3];
    try (com.fasterxml.jackson.core.JsonParser p =
        new com.fasterxml.jackson.core.JsonFactory()
            .createParser("{\"x\":{\"deep\":[1]},\"p\":\"0.10000000\",\"a\":17}")) {
      p.nextToken();
      new Json.Fields(def).readObject(p, row);
    }
    assertEquals(
        java.util.Arrays.asList(null, 17L, new java.math.BigDecimal("0.10000000")),
        java.util.Arrays.asList(row));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ColumnBlock.parse("t", "trade_id:  BIGINT  plain  Id", Map.of()));
    assertEquals(
        "table t, column block line 1: column name 'trade_id:' is not lower_snake:"
            + " trade_id:  BIGINT  plain  Id",
        e.getMessage());
  }

  @Test
  void fieldsByNameReadTheCamelCaseFieldUnlessGivenOrMarkedNotRead() throws Exception {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .columns(
                """
            symbol:-         VARCHAR    key       Asked-for pair, not read
            order_id         BIGINT     plain     Id
            transact_time    TIMESTAMP  plain     Time
            maker_qty:mq     DECIMAL    nullable  Quantity
            """)
            .fieldsByName()
            .build();
    assertEquals(
        java.util.Arrays.asList(null, "orderId", "transactTime", "mq"),
        def.columns().stream().map(ColumnDef::jsonField).toList());
    Object[] row = new Object[4];
    try (com.fasterxml.jackson.core.JsonParser p =
        new com.fasterxml.jackson.core.JsonFactory()
            .createParser(
                "{\"symbol\":\"BTCUSDC\",\"orderId\":5,\"transactTime\":1700000000000,"
                    + "\"mq\":\"1.50\",\"makerQty\":\"9\"}")) {
      p.nextToken();
      new Json.Fields(def).readObject(p, row);
    }
    assertEquals(
        java.util.Arrays.asList(null, 5L, 1700000000000L, new java.math.BigDecimal("1.50")),
        java.util.Arrays.asList(row));
    // Without fieldsByName a column names its field or is not read; "-" is the same as none.
    TableDef plain =
        TableDef.builder("t", "GET /x", "T")
            .columns(
                """
            a:-     BIGINT   plain  A
            b       BIGINT   plain  B
            c:cc    BIGINT   plain  C
            """)
            .build();
    assertEquals(
        java.util.Arrays.asList(null, null, "cc"),
        plain.columns().stream().map(ColumnDef::jsonField).toList());
  }

  @Test
  void aColumnReadsWhicheverOfItsAlternativeFieldsIsPresent() throws Exception {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .columns(
                """
            quote_qty:cummulativeQuoteQty|cumulativeQuoteQty  DECIMAL  nullable  Filled quote
            """)
            .build();
    assertEquals("cummulativeQuoteQty|cumulativeQuoteQty", def.column(0).jsonField());
    assertEquals(new BigDecimal("1.10"), readOne(def, "{\"cummulativeQuoteQty\":\"1.10\"}")[0]);
    assertEquals(new BigDecimal("2.20"), readOne(def, "{\"cumulativeQuoteQty\":\"2.20\"}")[0]);
    assertEquals(null, readOne(def, "{\"quoteQty\":\"3\"}")[0]);
  }

  @Test
  void aColumnDeclaredInCodeNamesItsFieldWithReadFrom() throws Exception {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .fieldsByName()
            .column(ColumnDef.key("symbol", "Pair").readFrom("-"))
            .column(ColumnDef.range("trade_id", ColumnType.BIGINT, "Id").readFrom("id"))
            .column(ColumnDef.col("is_maker", ColumnType.BOOLEAN, "Maker"))
            .build();
    assertEquals(
        Arrays.asList(null, "id", "isMaker"),
        def.columns().stream().map(ColumnDef::jsonField).toList());
    assertEquals(
        Arrays.asList(null, 7L, true),
        Arrays.asList(
            readOne(def, "{\"symbol\":\"ETHBTC\",\"id\":7,\"tradeId\":8,\"isMaker\":true}")));
  }

  @Test
  void aDottedFieldIsReadFromTheNestedObjectIntoTheSameRow() throws Exception {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .fieldsByName()
            .columns(
                """
            can_trade                      BOOLEAN  plain     Top level
            maker_rate:commissionRates.maker  DECIMAL  nullable  Nested
            taker_rate:commissionRates.taker  DECIMAL  nullable  Nested
            """)
            .build();
    assertEquals(
        Arrays.asList(true, new BigDecimal("0.00100000"), new BigDecimal("0.002")),
        Arrays.asList(
            readOne(
                def,
                "{\"commissionRates\":{\"maker\":\"0.00100000\",\"buyer\":\"9\","
                    + "\"taker\":\"0.002\"},\"maker\":\"7\",\"canTrade\":true}")));
    // A nested field that is not an object (null here) is skipped, leaving its columns null.
    assertEquals(
        Arrays.asList(false, null, null),
        Arrays.asList(readOne(def, "{\"commissionRates\":null,\"canTrade\":false}")));
  }

  @Test
  void byNameReadsOnlyTheNamedColumnsFromAnArrayOfObjects() throws Exception {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .fieldsByName()
            .columns(
                """
            order_list_id      BIGINT   plain     List
            order_id:-         BIGINT   nullable  Order
            client_order_id:-  VARCHAR  nullable  Client id
            """)
            .build();
    Json.Fields orders = Json.Fields.byName(def, "order_id", "client_order_id");
    List<Object[]> rows = new java.util.ArrayList<>();
    try (JsonParser p =
        new JsonFactory()
            .createParser(
                "[{\"orderId\":1,\"clientOrderId\":\"a\",\"orderListId\":9},"
                    + "{\"orderId\":2,\"clientOrderId\":\"b\"}]")) {
      p.nextToken();
      orders.readObjects(p, rows);
    }
    assertEquals(
        List.of(Arrays.asList(null, 1L, "a"), Arrays.asList(null, 2L, "b")),
        rows.stream().map(Arrays::asList).toList());
  }

  private static Object[] readOne(TableDef def, String json) throws IOException {
    Object[] row = new Object[def.columns().size()];
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      new Json.Fields(def).readObject(p, row);
    }
    return row;
  }

  @Test
  void deeperIndentedLinesContinueTheDescriptionWithOneSpace() {
    List<ColumnDef> c =
        ColumnBlock.parse(
            "t",
            """

        a  BIGINT  plain  First part,
                          second part;
                 third part
        b  BOOLEAN  nullable  Alone
        """,
            Map.of());
    assertEquals("First part, second part; third part", c.get(0).remarks());
    assertEquals("Alone", c.get(1).remarks());
    assertEquals(2, c.size());
  }

  @Test
  void columnsAddToThoseDeclaredOneByOne() {
    TableDef def =
        TableDef.builder("t", "GET /x", "T")
            .column(ColumnDef.key("symbol", "S"))
            .columns(
                """
            a  BIGINT  plain  A
            """)
            .build();
    assertEquals(List.of("symbol", "a"), def.columns().stream().map(ColumnDef::name).toList());
  }

  @Test
  void aChosenPushdownIsNamedWithADollarAndGivenInTheMap() {
    List<ColumnDef> c =
        ColumnBlock.parse(
            "orders",
            """
        order_id     BIGINT     $id             Id
        update_time  TIMESTAMP  nullable,$time  Updated
        """,
            Map.of("id", Pushdown.RANGE, "time", Pushdown.NONE));
    assertEquals(Pushdown.RANGE, c.get(0).pushdown());
    assertEquals(false, c.get(0).nullable());
    assertEquals(Pushdown.NONE, c.get(1).pushdown());
    assertEquals(true, c.get(1).nullable());
  }

  private static String error(String block) {
    return assertThrows(
            IllegalArgumentException.class,
            () ->
                TableDef.builder("symbols", "GET /x", "T")
                    .columns(block, Map.of("id", Pushdown.KEY)))
        .getMessage();
  }

  @Test
  void malformedLinesFailNamingTheTableAndLine() {
    assertEquals(
        "table symbols, column block line 2: unknown type 'VARCHR'; expected one of"
            + " [VARCHAR, DECIMAL, TIMESTAMP, BIGINT, INTEGER, BOOLEAN]: b  VARCHR  plain  B",
        error("a  VARCHAR  plain  A\nb  VARCHR  plain  B\n"));
    assertEquals(
        "table symbols, column block line 1: expected 'name TYPE kind description':"
            + " a  VARCHAR  plain",
        error("a  VARCHAR  plain\n"));
    assertEquals(
        "table symbols, column block line 1: column name 'baseAsset' is not lower_snake:"
            + " baseAsset  VARCHAR  plain  B",
        error("baseAsset  VARCHAR  plain  B"));
    for (String kind : List.of("optional_key", "nullable,plain", "nullablekey", "nullable,")) {
      assertEquals(
          "table symbols, column block line 1: unknown kind '"
              + kind
              + "'; expected"
              + " plain, nullable, key, optional-key, range, lookup, $name, or nullable, followed by"
              + " one of the last five: a  VARCHAR  "
              + kind
              + "  A",
          error("a  VARCHAR  " + kind + "  A"));
    }
    assertEquals(
        "table symbols, column block line 1: no pushdown given for '$time'; given:"
            + " [id]: a  TIMESTAMP  $time  A",
        error("a  TIMESTAMP  $time  A"));
    assertEquals(
        "table symbols, column block line 2: expected 'name TYPE kind description':"
            + " more words",
        error("\n    more words\n      a  VARCHAR  plain  A"));
    assertEquals(
        "table symbols, column block line 3: indented less than the first line:"
            + " b  VARCHAR  plain  B",
        error("  a  VARCHAR  plain  A\n      more\nb  VARCHAR  plain" + "  B"));
    assertEquals("table symbols: the column block is empty", error("\n  \n"));
  }

  @Test
  void aColumnDeclaredTwiceFailsNamingTheTable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TableDef.builder("symbols", "GET /x", "T")
                    .column(ColumnDef.key("symbol", "S"))
                    .columns("symbol  VARCHAR  plain  again")
                    .build());
    assertEquals("table symbols: column symbol is declared twice", e.getMessage());
  }

  /**
   * The hand-written reading of a line and of a column name accepts exactly what the regular
   * expressions it replaced accept, with the same parts, on random lines of the characters that
   * matter.
   */
  @Test
  void linesAndNamesAreReadAsTheRegularExpressionsRead() {
    java.util.regex.Pattern row =
        java.util.regex.Pattern.compile("(\\S+) +(\\S+) +(\\S+) +(\\S.*)");
    java.util.regex.Pattern name =
        java.util.regex.Pattern.compile("([a-z][a-z0-9_]*)(?::([\\w.]+(?:\\|[\\w.]+)*|-))?");
    java.util.Random random = new java.util.Random(7);
    String alphabet = "aZ9_.:|- - \tx\r\u2028";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(14);
      for (int k = 0; k < length; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      java.util.regex.Matcher m = row.matcher(text);
      String[] f = ColumnBlock.fields(text);
      assertEquals(
          m.matches() ? List.of(m.group(1), m.group(2), m.group(3), m.group(4)) : null,
          f == null ? null : List.of(f),
          text);
      m = name.matcher(text);
      String[] named = ColumnBlock.name(text);
      assertEquals(
          m.matches() ? Arrays.asList(m.group(1), m.group(2)) : null,
          named == null ? null : Arrays.asList(named),
          text);
    }
  }
}
