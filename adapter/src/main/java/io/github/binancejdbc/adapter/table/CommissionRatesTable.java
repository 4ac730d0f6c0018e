package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.key;
import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.io.IOException;
import java.util.List;

/**
 * {@code commission_rates}: the account's commission rates on a symbol, one signed {@code GET
 * /api/v3/account/commission} (weight 20) per symbol; the response's nested objects become prefixed
 * columns.
 */
public final class CommissionRatesTable {
  private CommissionRatesTable() {}

  static final TableDef COMMISSION;

  static {
    TableDef.Builder b =
        TableDef.builder(
                "commission_rates",
                "GET /api/v3/account/commission",
                "The account's" + " commission rates on a symbol (one row per symbol)")
            .column(key("symbol", "Trading pair, e.g. BTCUSDT"));
    for (String[] kind :
        new String[][] {{"standard", "Standard"}, {"special", "Special"}, {"tax", "Tax"}}) {
      for (String side : new String[] {"maker", "taker", "buyer", "seller"}) {
        b.column(
            nullable(
                    kind[0] + "_" + side,
                    ColumnType.DECIMAL,
                    kind[1] + " commission" + " rate for the " + side)
                .readFrom(kind[0] + "Commission." + side));
      }
    }
    COMMISSION =
        b.columns(
                """
                discount_enabled_for_account:discount.enabledForAccount  BOOLEAN  nullable  Whether
                                   paying commission in the discount asset is enabled for the
                                   account
                discount_enabled_for_symbol:discount.enabledForSymbol  BOOLEAN  nullable  Whether the
                                   discount applies on this symbol
                discount_asset:discount.discountAsset  VARCHAR  nullable  Asset that earns the
                                   discount, e.g. BNB
                discount:discount.discount  DECIMAL  nullable  Discount factor as Binance gives it,
                                   e.g. 0.75
                """)
            .primaryKey("symbol")
            .build();
  }

  /** The nested objects' fields ({@code standardCommission.maker}, ...), all in one row. */
  private static final Json.Fields FIELDS = new Json.Fields(COMMISSION);

  private static final int SYMBOL = COMMISSION.index("symbol");

  public static BinanceTable commissionRates(BinanceContext ctx) {
    return new AccountTables.Snapshot(
        COMMISSION,
        ctx,
        q ->
            BinanceTable.perSymbol(
                q,
                symbol ->
                    RowStream.once(
                        () ->
                            AccountRequests.get(
                                ctx,
                                "/api/v3/account/commission",
                                List.of(Param.of("symbol", symbol)),
                                EndpointWeights.ACCOUNT_COMMISSION,
                                p -> List.<Object[]>of(readCommission(p, symbol))))),
        (t, q) -> {
          BinanceTable.Keys keys = BinanceTable.keys(q, "symbol", "symbol");
          return t.signedPer(
              keys, "/api/v3/account/commission", EndpointWeights.ACCOUNT_COMMISSION);
        });
  }

  /** Reads {@code GET /api/v3/account/commission}: nested objects become prefixed columns. */
  static Object[] readCommission(JsonParser p, String symbol) throws IOException {
    Json.next(p, JsonToken.START_OBJECT);
    Object[] row = new Object[FIELDS.width()];
    FIELDS.readObject(p, row);
    row[SYMBOL] = symbol;
    return row;
  }
}
