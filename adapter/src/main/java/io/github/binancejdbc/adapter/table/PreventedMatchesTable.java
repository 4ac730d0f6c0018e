package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code prevented_matches}: matches that self-trade prevention stopped ({@code GET
 * /api/v3/myPreventedMatches}). Binance wants a symbol and either a prevented match id or an order
 * id: {@code prevented_match_id = n} is one request (weight 2); {@code order_id = n} pages {@code
 * fromPreventedMatchId} (from the lower bound of {@code prevented_match_id}, or 0) by 1000 (weight
 * 20 a page).
 */
public final class PreventedMatchesTable extends BinanceTable {
  static final TableDef DEF =
      TableDef.builder(
              "prevented_matches",
              "GET /api/v3/myPreventedMatches",
              "Matches of the" + " account that self-trade prevention stopped, by order")
          .columns(
              """
              symbol                      VARCHAR    key       Trading pair, e.g. BTCUSDT
              order_id:-                  BIGINT     nullable,optional-key  The order id asked for
                                                               (orderId; needed unless
                                                               prevented_match_id = n is given).
                                                               Null when asked by prevented_match_id
              prevented_match_id          BIGINT     range     Prevented match id
              taker_order_id              BIGINT     plain     Order id of the taker
              maker_symbol                VARCHAR    nullable  Symbol of the maker order
              maker_order_id              BIGINT     plain     Order id of the maker
              trade_group_id              BIGINT     nullable  Trade group id
              self_trade_prevention_mode  VARCHAR    nullable  EXPIRE_MAKER, EXPIRE_TAKER,
                                                               EXPIRE_BOTH, DECREMENT or TRANSFER
              price                       DECIMAL    nullable  Price of the prevented match
              maker_prevented_qty:makerPreventedQuantity DECIMAL nullable  Maker quantity prevented
                                                               (makerPreventedQuantity)
              transact_time               TIMESTAMP  plain     When the match was prevented (UTC)
              """)
          .primaryKey("symbol", "prevented_match_id")
          .fieldsByName()
          .weight(EndpointWeights.MY_PREVENTED_MATCHES_BY_ORDER)
          .signed()
          .build();

  private static final Json.Fields FIELDS = new Json.Fields(DEF);

  private static final int ORDER_ID = DEF.index("order_id");
  private static final int MATCH_ID = DEF.index("prevented_match_id");

  public PreventedMatchesTable(BinanceContext ctx) {
    super(DEF, ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<String> symbols = q.required("symbol", "BTCUSDT");
    List<String> orders = q.optional("order_id");
    long lo = Math.max(0, q.lower("prevented_match_id"));
    long hi = q.upper("prevented_match_id");
    List<RowStream> streams = new ArrayList<>();
    for (String symbol : symbols) {
      if (orders != null) {
        for (Long orderId : Ids.ids(orders)) {
          streams.add(byOrder(symbol, orderId, lo, hi));
        }
      } else if (lo == hi) {
        streams.add(
            RowStream.once(
                () ->
                    fetch(
                        symbol,
                        null,
                        List.of(Param.of("preventedMatchId", lo)),
                        EndpointWeights.MY_PREVENTED_MATCHES_BY_ID)));
      } else {
        throw BinanceException.unsupported(
            "prevented_matches needs order_id or"
                + " prevented_match_id: WHERE symbol = '"
                + symbol
                + "' AND order_id = 12345");
      }
    }
    return streams;
  }

  private List<Object[]> fetch(String symbol, Long orderId, List<Param> params, int weight) {
    List<Param> all = new ArrayList<>();
    all.add(Param.of("symbol", symbol));
    all.addAll(params);
    return AccountRequests.get(
        ctx,
        "/api/v3/myPreventedMatches",
        all,
        weight,
        p -> {
          List<Object[]> rows = FIELDS.readObjectOrArray(p, r -> {});
          for (Object[] r : rows) {
            r[0] = symbol;
            r[ORDER_ID] = orderId;
            RowChecks.requirePresent(DEF, r);
          }
          return rows;
        });
  }

  /** The prevented matches of one order, paged by {@code fromPreventedMatchId}. */
  private RowStream byOrder(String symbol, long orderId, long lo, long hi) {
    return KeyedPager.byId(
        lo,
        hi,
        MATCH_ID,
        (cursor, limit) ->
            fetch(
                symbol,
                orderId,
                List.of(
                    Param.of("orderId", orderId),
                    Param.of("fromPreventedMatchId", cursor),
                    Param.of("limit", limit)),
                EndpointWeights.MY_PREVENTED_MATCHES_BY_ORDER));
  }
}
