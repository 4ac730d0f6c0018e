package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceErrorCode;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reference_prices} ({@code GET /api/v3/referencePrice}) and {@code
 * reference_price_calculations} ({@code GET /api/v3/referencePrice/calculation}): one row per
 * symbol asked for, one request each. A symbol without a reference price (Binance's {@code -2043})
 * is a row whose other columns are NULL, like the {@code "referencePrice": null} Binance sends for
 * a price that is not set at the moment, so a list of symbols never fails for one of them.
 */
public final class ReferencePriceTables extends BinanceTable {
  private final String path;
  private final Json.Fields fields;
  private final int symbolSlot;

  private ReferencePriceTables(TableDef def, BinanceContext ctx, String path) {
    super(def, ctx);
    this.path = path;
    this.fields = new Json.Fields(def);
    this.symbolSlot = def.index("symbol");
  }

  public static ReferencePriceTables referencePrices(BinanceContext ctx) {
    TableDef def =
        TableDef.builder(
                "reference_prices",
                "GET /api/v3/referencePrice",
                "The reference price"
                    + " a symbol's price-range execution rule and price filters use")
            .fieldsByName()
            .columns(
                """
                symbol                    VARCHAR    key       Trading pair, e.g. BTCUSDT
                reference_price           DECIMAL    nullable  Reference price; NULL when the symbol
                                                               has none
                reference_time:timestamp  TIMESTAMP  nullable  When the reference price was computed
                                                               (UTC)
                """)
            .primaryKey("symbol")
            .build();
    return new ReferencePriceTables(def, ctx, "/api/v3/referencePrice");
  }

  public static ReferencePriceTables calculations(BinanceContext ctx) {
    TableDef def =
        TableDef.builder(
                "reference_price_calculations",
                "GET /api/v3/referencePrice/calculation",
                "How a symbol's reference price is calculated")
            .fieldsByName()
            .columns(
                """
                symbol                   VARCHAR  key       Trading pair, e.g. BTCUSDT
                calculation_type         VARCHAR  nullable  ARITHMETIC_MEAN or EXTERNAL; NULL when
                                                            the symbol has no reference price
                bucket_count             INTEGER  nullable  ARITHMETIC_MEAN: number of buckets
                                                            averaged
                bucket_width_ms          BIGINT   nullable  ARITHMETIC_MEAN: width of a bucket in
                                                            milliseconds
                external_calculation_id  BIGINT   nullable  EXTERNAL: id of the external calculation
                """)
            .primaryKey("symbol")
            .build();
    return new ReferencePriceTables(def, ctx, "/api/v3/referencePrice/calculation");
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return perSymbol(q, symbol -> RowStream.once(() -> fetch(q, symbol)));
  }

  private List<Object[]> fetch(ScanQuery q, String symbol) {
    try {
      return ctx.get(
          q,
          path,
          List.of(Param.of("symbol", symbol)),
          EndpointWeights.REFERENCE_PRICE,
          p -> fields.readObjectOrArray(p, r -> r[symbolSlot] = symbol));
    } catch (BinanceException e) {
      if (e.vendorCode() != BinanceErrorCode.NO_REFERENCE_PRICE.code()) {
        throw e;
      }
      List<Object[]> rows = new ArrayList<>();
      Object[] row = new Object[fields.width()];
      row[symbolSlot] = symbol;
      rows.add(row);
      return rows;
    }
  }

  @Override
  protected RequestPlan explain(ExplainQuery q) {
    Keys keys = keys(q, "symbol", "symbol");
    return RequestPlan.none()
        .per(keys, "GET", path, RequestPlan.query(keys.params()), EndpointWeights.REFERENCE_PRICE);
  }
}
