package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.key;
import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.io.IOException;
import java.util.ArrayList;
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
                kind[1] + " commission" + " rate for the " + side));
      }
    }
    COMMISSION =
        b.columns(
                """
                discount_enabled_for_account  BOOLEAN  nullable  Whether paying commission in the
                                                                 discount asset is enabled for the
                                                                 account
                discount_enabled_for_symbol   BOOLEAN  nullable  Whether the discount applies on
                                                                 this symbol
                discount_asset                VARCHAR  nullable  Asset that earns the discount, e.g.
                                                                 BNB
                discount                      DECIMAL  nullable  Discount factor as Binance gives
                                                                 it, e.g. 0.75
                """)
            .primaryKey("symbol")
            .build();
  }

  private static Json.Fields commissionFields(String kind) {
    return new Json.Fields(
        COMMISSION,
        "maker",
        kind + "_maker",
        "taker",
        kind + "_taker",
        "buyer",
        kind + "_buyer",
        "seller",
        kind + "_seller");
  }

  private static final Json.Fields STANDARD = commissionFields("standard");
  private static final Json.Fields SPECIAL = commissionFields("special");
  private static final Json.Fields TAX = commissionFields("tax");
  private static final Json.Fields DISCOUNT =
      new Json.Fields(
          COMMISSION,
          "enabledForAccount",
          "discount_enabled_for_account",
          "enabledForSymbol",
          "discount_enabled_for_symbol",
          "discountAsset",
          "discount_asset",
          "discount",
          "discount");

  public static BinanceTable commissionRates(BinanceContext ctx) {
    return new AccountTables.Snapshot(
        COMMISSION,
        ctx,
        q -> {
          List<RowStream> streams = new ArrayList<>();
          for (String symbol : q.required("symbol", "BTCUSDT")) {
            streams.add(
                RowStream.once(
                    () ->
                        AccountRequests.get(
                            ctx,
                            "/api/v3/account/commission",
                            List.of(Param.of("symbol", symbol)),
                            EndpointWeights.ACCOUNT_COMMISSION,
                            p -> List.<Object[]>of(readCommission(p, symbol)))));
          }
          return streams;
        },
        (t, q) -> {
          BinanceTable.Keys keys = BinanceTable.keys(q, "symbol", "symbol");
          return RequestPlan.none()
              .per(
                  keys,
                  "GET",
                  "/api/v3/account/commission",
                  t.signedQuery(RequestPlan.query(keys.params())),
                  EndpointWeights.ACCOUNT_COMMISSION);
        });
  }

  /** Reads {@code GET /api/v3/account/commission}: nested objects become prefixed columns. */
  static Object[] readCommission(JsonParser p, String symbol) throws IOException {
    Json.next(p, JsonToken.START_OBJECT);
    Object[] row = new Object[STANDARD.width()];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      Json.Fields nested =
          switch (name) {
            case "standardCommission" -> STANDARD;
            case "specialCommission" -> SPECIAL;
            case "taxCommission" -> TAX;
            case "discount" -> DISCOUNT;
            default -> null;
          };
      if (nested != null && p.currentToken() == JsonToken.START_OBJECT) {
        nested.readObject(p, row);
      } else {
        p.skipChildren();
      }
    }
    row[0] = symbol;
    return row;
  }
}
