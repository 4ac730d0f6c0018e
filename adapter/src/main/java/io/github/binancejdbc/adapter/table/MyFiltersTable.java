package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code my_filters}: the filters that apply to the account on a symbol ({@code GET
 * /api/v3/myFilters}, weight 40 per symbol), one row per filter: exchange, symbol and asset filters
 * ({@code MAX_ASSET} is visible only here). The filter columns are those of {@code symbol_filters}.
 */
public final class MyFiltersTable extends BinanceTable {
  static final TableDef DEF;
  private static final Json.Fields FIELDS;

  static {
    TableDef.Builder b =
        TableDef.builder(
                "my_filters",
                "GET /api/v3/myFilters",
                "Filters that apply to the"
                    + " account on a symbol, one row per filter; a column is null where the filter"
                    + " lacks it")
            .columns(
                """
                symbol                VARCHAR  key       Trading pair, e.g. BTCUSDT
                filter_scope          VARCHAR  plain     EXCHANGE, SYMBOL or ASSET: the list the
                                                         filter came from
                filter_type:filterType VARCHAR plain     MAX_NUM_ORDERS, MAX_ASSET, ...
                asset:asset           VARCHAR  nullable  MAX_ASSET asset
                asset_limit           DECIMAL  nullable  MAX_ASSET maximum quantity (base asset) or
                                                         notional (quote asset) per order
                """);
    List<ColumnDef> shared = ExchangeInfoTables.FILTERS.columns();
    for (ColumnDef c : shared.subList(2, shared.size())) {
      // limit depends on the filter type (read below), so no column reads it as it comes.
      b.column("limit".equals(c.jsonField()) ? c.readFrom(null) : c);
    }
    DEF = b.build();
    FIELDS = new Json.Fields(DEF);
  }

  private static final int SYMBOL = DEF.index("symbol");
  private static final int SCOPE = DEF.index("filter_scope");
  private static final int TYPE = DEF.index("filter_type");
  private static final int ASSET_LIMIT = DEF.index("asset_limit");
  private static final int ICEBERG_LIMIT = DEF.index("iceberg_parts_limit");

  public MyFiltersTable(BinanceContext ctx) {
    super(DEF, ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return perSymbol(
        q,
        symbol ->
            RowStream.once(
                () ->
                    AccountRequests.get(
                        ctx,
                        "/api/v3/myFilters",
                        List.of(Param.of("symbol", symbol)),
                        EndpointWeights.MY_FILTERS,
                        p -> read(p, symbol))));
  }

  static List<Object[]> read(JsonParser p, String symbol) throws IOException {
    Json.next(p, JsonToken.START_OBJECT);
    List<Object[]> rows = new ArrayList<>();
    for (String list = Json.nextField(p); list != null; list = Json.nextField(p)) {
      String scope =
          switch (list) {
            case "exchangeFilters" -> "EXCHANGE";
            case "symbolFilters" -> "SYMBOL";
            case "assetFilters" -> "ASSET";
            default -> null;
          };
      if (scope == null || p.currentToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      while (Json.nextElement(p, JsonToken.START_OBJECT)) {
        rows.add(filter(p, symbol, scope));
      }
    }
    return rows;
  }

  private static Object[] filter(JsonParser p, String symbol, String scope) throws IOException {
    Object[] row = new Object[FIELDS.width()];
    String limit = null;
    for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
      if (name.equals("limit") && p.currentToken().isScalarValue()) {
        limit = p.getText();
      } else {
        FIELDS.readField(p, name, row);
      }
    }
    row[SYMBOL] = symbol;
    row[SCOPE] = scope;
    if (limit != null) {
      // ICEBERG_PARTS limits parts (an integer); MAX_ASSET limits a quantity (a decimal).
      try {
        if ("ICEBERG_PARTS".equals(row[TYPE])) {
          row[ICEBERG_LIMIT] = new BigDecimal(limit).intValueExact();
        } else if ("MAX_ASSET".equals(row[TYPE])) {
          row[ASSET_LIMIT] = new BigDecimal(limit);
        }
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalStateException("unexpected limit " + limit + " in " + row[TYPE], e);
      }
    }
    RowChecks.requirePresent(DEF, row);
    return row;
  }

  @Override
  protected RequestPlan explain(ExplainQuery q) {
    Keys keys = keys(q, "symbol", "symbol");
    return signedPer(keys, "/api/v3/myFilters", EndpointWeights.MY_FILTERS);
  }
}
