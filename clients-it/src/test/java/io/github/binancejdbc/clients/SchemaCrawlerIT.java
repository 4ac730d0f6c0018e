package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import schemacrawler.inclusionrule.RegularExpressionInclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.ParameterModeType;
import schemacrawler.schema.Routine;
import schemacrawler.schema.RoutineParameter;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler crawls the whole catalogue at its maximum info level, as ER and documentation tools
 * do: tables, columns, keys, remarks, routines and their parameters, all from DatabaseMetaData and
 * without one API request.
 */
class SchemaCrawlerIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  /** SchemaCrawler logs every step through java.util.logging; keep the build output readable. */
  private static final List<Logger> QUIET =
      List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));

  static {
    QUIET.forEach(l -> l.setLevel(Level.SEVERE));
  }

  private static List<String> declared(boolean tables) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(exchange.url());
        ResultSet rs =
            tables
                ? c.getMetaData().getTables(null, "binance", "%", null)
                : c.getMetaData().getProcedures(null, "binance", "%")) {
      while (rs.next()) {
        names.add(rs.getString(3));
      }
    }
    return names.stream().sorted().toList();
  }

  private static Catalog crawl() throws Exception {
    SchemaCrawlerOptions options =
        SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
            .withLimitOptions(
                LimitOptionsBuilder.builder()
                    .includeSchemas(new RegularExpressionInclusionRule(Pattern.compile("binance")))
                    .includeAllRoutines()
                    .toOptions())
            .withLoadOptions(
                LoadOptionsBuilder.builder()
                    .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum())
                    .toOptions());
    DatabaseConnectionSource source =
        DatabaseConnectionSources.newDatabaseConnectionSource(
            exchange.url(), new MultiUseUserCredentials());
    try {
      return SchemaCrawlerUtility.getCatalog(source, options);
    } finally {
      source.close();
    }
  }

  @Test
  void crawlsTheWholeSchemaWithoutOneRequest() throws Exception {
    List<String> expected = declared(true);
    List<String> procedures = declared(false);
    Catalog catalog = crawl();

    List<String> schemas = catalog.getSchemas().stream().map(Schema::getFullName).toList();
    assertEquals(List.of("binance"), schemas);
    Schema binance = catalog.getSchemas().iterator().next();
    List<String> tables = catalog.getTables(binance).stream().map(Table::getName).sorted().toList();
    assertEquals(expected, tables);
    for (Table t : catalog.getTables(binance)) {
      assertFalse(t.getRemarks().isBlank(), t.getName());
      assertFalse(t.getColumns().isEmpty(), t.getName());
      for (Column c : t.getColumns()) {
        assertFalse(c.getRemarks().isBlank(), t.getName() + "." + c.getName());
      }
    }

    Table klines = catalog.lookupTable(binance, "klines").orElseThrow();
    assertTrue(klines.getRemarks().startsWith("Kline/candlestick bars"), klines.getRemarks());
    assertEquals(14, klines.getColumns().size());
    Column openTime = klines.lookupColumn("open_time").orElseThrow();
    assertEquals("TIMESTAMP", openTime.getColumnDataType().getName());
    assertEquals(
        java.sql.Types.TIMESTAMP,
        openTime.getColumnDataType().getJavaSqlType().getVendorTypeNumber().intValue());
    assertTrue(openTime.getRemarks().startsWith("Bar open time (UTC)"), openTime.getRemarks());
    Column close = klines.lookupColumn("close_price").orElseThrow();
    assertEquals("DECIMAL", close.getColumnDataType().getName());
    assertEquals(38, close.getSize());
    assertEquals(8, close.getDecimalDigits());
    assertFalse(close.isNullable());

    assertTrue(klines.hasPrimaryKey());
    assertEquals(
        List.of("symbol", "timeframe", "time_zone", "open_time"),
        klines.getPrimaryKey().getConstrainedColumns().stream().map(Column::getName).toList());
    assertEquals(1, klines.getImportedForeignKeys().size());
    ForeignKey fk = klines.getImportedForeignKeys().iterator().next();
    ColumnReference ref = fk.getColumnReferences().get(0);
    assertEquals(
        "klines.symbol -> symbols.symbol",
        ref.getForeignKeyColumn().getParent().getName()
            + "."
            + ref.getForeignKeyColumn().getName()
            + " -> "
            + ref.getPrimaryKeyColumn().getParent().getName()
            + "."
            + ref.getPrimaryKeyColumn().getName());
    Table symbols = catalog.lookupTable(binance, "symbols").orElseThrow();
    List<String> referencing =
        symbols.getExportedForeignKeys().stream()
            .map(f -> f.getForeignKeyTable().getName())
            .toList();
    assertTrue(
        referencing.containsAll(List.of("klines", "trades", "order_book", "ticker_24hr")),
        referencing.toString());

    List<String> routines = catalog.getRoutines(binance).stream().map(Routine::getName).toList();
    assertTrue(
        routines.containsAll(
            List.of(
                "place_order", "test_order", "cancel_order", "place_oco", "cancel_replace_order")),
        routines.toString());
    assertEquals(procedures, routines.stream().sorted().toList(), "each procedure once");
    assertEquals(17, routines.size());
    Routine placeOrder = catalog.getRoutines(binance, "place_order").iterator().next();
    RoutineParameter<?> symbol = placeOrder.lookupParameter("symbol").orElseThrow();
    assertEquals("VARCHAR", symbol.getColumnDataType().getName());
    // KNOWN FAILURE (interplay): getProcedureColumns lists place_order's IN parameter `symbol`
    // and then its result column `symbol` (procedureColumnResult), as JDBC orders them.
    // SchemaCrawler keys a routine's parameters by name, so the result column replaces the IN
    // parameter; the same happens to side, order_type, price, time_in_force, stop_price,
    // iceberg_qty and self_trade_prevention_mode. A client expects the IN parameter `symbol`.
    KnownFailure.expect(
        "IN parameter and result column of one name: SchemaCrawler keeps one",
        () -> assertEquals(ParameterModeType.in, symbol.getParameterMode()));
    assertEquals(ParameterModeType.result, symbol.getParameterMode(), "what it keeps today");
    RoutineParameter<?> quantity = placeOrder.lookupParameter("quantity").orElseThrow();
    assertEquals(ParameterModeType.in, quantity.getParameterMode());
    assertEquals("DECIMAL", quantity.getColumnDataType().getName());
    assertTrue(
        placeOrder.getParameters().stream()
            .anyMatch(
                p ->
                    p.getName().equals("order_id")
                        && p.getParameterMode() == ParameterModeType.result),
        placeOrder.getParameters().toString());

    // SchemaCrawler checks the connection with isValid, which pings the server (weight 1); the
    // crawl itself sends nothing.
    assertEquals(
        List.of("GET /api/v3/ping?"),
        exchange.requests().stream()
            .map(r -> r.method() + " " + r.path() + "?" + r.query())
            .distinct()
            .toList(),
        "the crawl sent requests");
  }
}
