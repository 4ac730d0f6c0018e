package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code order_book}: the depth snapshot of a symbol, one row per price level and side, bids first.
 * {@code level <= n} or a LIMIT asks for the smallest {@code limit} that covers it (and so the
 * lowest weight); without either the whole book Binance serves (5000 levels, weight 250) is read.
 */
public final class OrderBookTable extends BinanceTable {
  static final int MAX_LEVELS = 5000;

  public OrderBookTable(BinanceContext ctx) {
    super(
        TableDef.builder(
                "order_book",
                "GET /api/v3/depth",
                "Order book depth, one row per level" + " and side")
            .columns(
                """
                symbol          VARCHAR  key           Trading pair, e.g. BTCUSDT
                side            VARCHAR  optional-key  BID or ASK
                level           INTEGER  range         Level from the best price, 1 = best
                price           DECIMAL  plain         Price of the level
                qty             DECIMAL  plain         Quantity at the level
                last_update_id  BIGINT   plain         Book update id of the snapshot
                """)
            .primaryKey("symbol", "side", "level")
            .limitPushable()
            .build(),
        ctx);
  }

  /**
   * One side of one symbol's book comes best level first: bids by price descending, asks by price
   * ascending. So {@code side = 'BID' ORDER BY price DESC LIMIT 5} asks for 5 levels (weight 5),
   * not the whole book.
   */
  @Override
  public boolean naturallyOrdered(
      Map<Integer, Object> constraints, int column, boolean descending) {
    Object side = constraints.get(def.index("side"));
    if (!(side instanceof String s) || !constraints.containsKey(def.index("symbol"))) {
      return false;
    }
    if (column == def.index("level")) {
      return !descending;
    }
    if (column == def.index("price")) {
      return s.equals("BID") ? descending : s.equals("ASK") && !descending;
    }
    return false;
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    int levels = MAX_LEVELS;
    if (q.hasUpper("level")) {
      levels = (int) Math.max(1, Math.min(MAX_LEVELS, q.upper("level")));
    }
    if (q.hasLimit()) {
      // Each side holds up to `limit` levels, so (first wanted level - 1) + n levels cover the
      // first n matching rows of either side.
      long skipped = q.hasLower("level") ? Math.max(0, q.lower("level") - 1) : 0;
      levels = (int) Math.max(1, Math.min(levels, skipped + q.limit()));
    }
    int limit = levels;
    return perSymbol(
        q,
        s ->
            RowStream.once(
                () ->
                    ctx.get(
                        q,
                        "/api/v3/depth",
                        List.of(Param.of("symbol", s), Param.of("limit", limit)),
                        EndpointWeights.depth(limit),
                        p -> read(p, s))));
  }

  /**
   * One request per symbol with the smallest {@code limit} that covers {@code level <= n} and the
   * LIMIT, weighed by that limit; when a bound is a parameter, the largest weight it can cost.
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    Keys keys = keys(q, "symbol", "symbol");
    long levels = MAX_LEVELS;
    boolean known = true;
    ExplainQuery.Sym upper = q.upper("level");
    if (upper != null) {
      known = upper.known();
      levels = known ? Math.max(1, Math.min(MAX_LEVELS, upper.number())) : levels;
    }
    ExplainQuery.Sym limit = q.limit();
    ExplainQuery.Sym lower = q.lower("level");
    if (limit != null && known) {
      known = limit.known() && (lower == null || lower.known());
      if (known) {
        long skipped = lower == null ? 0 : Math.max(0, lower.number() - 1);
        levels = Math.max(1, Math.min(levels, skipped + limit.number()));
      }
    }
    List<Param> params = new ArrayList<>(keys.params());
    RequestPlan plan = RequestPlan.none();
    if (known) {
      params.add(Param.of("limit", levels));
      return plan.per(
          keys,
          "GET",
          "/api/v3/depth",
          RequestPlan.query(params),
          EndpointWeights.depth((int) levels));
    }
    params.add(Param.of("limit", "{the smallest of 5000, the level bound and the LIMIT}"));
    return plan.atMost(
            keys.count(),
            "GET",
            "/api/v3/depth",
            RequestPlan.query(params),
            EndpointWeights.depth(MAX_LEVELS))
        .note("weight by limit: 5 up to 100, 25 up to 500, 50 up to 1000, 250 above");
  }

  /** {@code {"lastUpdateId":1,"bids":[["price","qty"],...],"asks":[...]}}. */
  static List<Object[]> read(JsonParser p, String symbol) throws IOException {
    Json.next(p, JsonToken.START_OBJECT);
    Long lastUpdateId = null;
    List<Object[]> bids = new ArrayList<>();
    List<Object[]> asks = new ArrayList<>();
    for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
      switch (name) {
        case "lastUpdateId" -> lastUpdateId = p.getLongValue();
        case "bids" -> readSide(p, symbol, "BID", bids);
        case "asks" -> readSide(p, symbol, "ASK", asks);
        default -> p.skipChildren();
      }
    }
    List<Object[]> rows = new ArrayList<>(bids.size() + asks.size());
    rows.addAll(bids);
    rows.addAll(asks);
    for (Object[] r : rows) {
      r[5] = lastUpdateId;
    }
    return rows;
  }

  private static void readSide(JsonParser p, String symbol, String side, List<Object[]> out)
      throws IOException {
    Json.expect(p, JsonToken.START_ARRAY);
    int level = 0;
    while (Json.nextElement(p, JsonToken.START_ARRAY)) {
      Object[] r = new Object[6];
      r[0] = symbol;
      r[1] = side;
      r[2] = ++level;
      p.nextToken();
      r[3] = Json.value(p, ColumnType.DECIMAL);
      p.nextToken();
      r[4] = Json.value(p, ColumnType.DECIMAL);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      out.add(r);
    }
  }
}
