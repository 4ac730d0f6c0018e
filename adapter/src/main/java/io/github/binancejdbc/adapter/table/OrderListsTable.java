package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code order_lists} ({@code GET /api/v3/allOrderList}, {@code GET /api/v3/orderList}) and {@code
 * open_order_lists} ({@code GET /api/v3/openOrderList}): OCO, OTO, OTOCO, OPO and OPOCO lists,
 * <b>one row per order of a list</b> (the list's columns repeated), so that a list joins {@code
 * orders} on {@code order_id}. The endpoints take no symbol: all symbols come back.
 *
 * <p>{@code order_lists}, like {@code orders}: {@code order_list_id = n} is one {@code
 * orderList?orderListId=n} (weight 4); a {@code transaction_time} span of at most {@value
 * OrdersTable#MAX_WINDOW_DAYS} days (to now when unbounded above) is 24 h windows (Binance filters
 * on the list's last transaction time; a full window is split in halves); anything else pages
 * {@code fromId} from the lower bound of {@code order_list_id} (or 0), 1000 lists a page.
 */
public final class OrderListsTable extends BinanceTable {
  private static final int LIST_ID = 0;

  private static final IdExplain.Lookup BY_ID =
      new IdExplain.Lookup(
          "/api/v3/orderList",
          "order_list_id",
          "orderListId",
          "list_client_order_id",
          EndpointWeights.ORDER_LIST);

  private static final IdExplain.Listing ALL =
      new IdExplain.Listing("/api/v3/allOrderList", "fromId", EndpointWeights.ALL_ORDER_LIST);

  /** The columns read from each object of a list's {@code orders}, the rest from the list. */
  private static final String[] ORDER_COLUMNS = {"order_id", "client_order_id"};

  private final boolean open;
  private final Json.Fields listFields;
  private final Json.Fields orderFields;

  private OrderListsTable(TableDef def, BinanceContext ctx, boolean open) {
    super(def, ctx);
    this.open = open;
    this.listFields = new Json.Fields(def);
    this.orderFields = Json.Fields.byName(def, ORDER_COLUMNS);
  }

  private static TableDef def(String name, String endpoint, String remarks, Pushdown push) {
    return TableDef.builder(name, endpoint, remarks)
        .fieldsByName()
        .columns(
            """
            order_list_id         BIGINT     $push      Order list id
            contingency_type      VARCHAR    plain      OCO or OTO (OTOCO, OPO and OPOCO lists also
                                                        say OTO)
            list_status_type      VARCHAR    plain      RESPONSE, EXEC_STARTED, UPDATED or ALL_DONE
            list_order_status     VARCHAR    plain      EXECUTING, ALL_DONE or REJECT
            list_client_order_id  VARCHAR    $clientId  Client id of the list
            transaction_time      TIMESTAMP  $push      Last transaction of the list (UTC)
            symbol                VARCHAR    plain      Trading pair of the list
            order_id:-            BIGINT     nullable   Id of one order of the list
            client_order_id:-     VARCHAR    nullable   Client order id of that order
            """,
            Map.of(
                "push", push, "clientId", push == Pushdown.RANGE ? Pushdown.LOOKUP : Pushdown.NONE))
        .primaryKey("order_list_id", "order_id")
        .weight(EndpointWeights.ALL_ORDER_LIST)
        .signed()
        .build();
  }

  public static OrderListsTable orderLists(BinanceContext ctx) {
    return new OrderListsTable(
        def(
            "order_lists",
            "GET /api/v3/allOrderList, GET" + " /api/v3/orderList",
            "Every order list of the account, one row per order of a list",
            Pushdown.RANGE),
        ctx,
        false);
  }

  public static OrderListsTable openOrderLists(BinanceContext ctx) {
    return new OrderListsTable(
        def(
            "open_order_lists",
            "GET /api/v3/openOrderList",
            "Open order" + " lists of the account, one row per order of a list",
            Pushdown.NONE),
        ctx,
        true);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    if (open) {
      return List.of(
          RowStream.once(
              () ->
                  fetch("/api/v3/openOrderList", List.of(), EndpointWeights.OPEN_ORDER_LIST)
                      .rows()));
    }
    long idLo = Math.max(0, q.lower("order_list_id"));
    long idHi = q.upper("order_list_id");
    if (idLo == idHi) {
      return List.of(RowStream.once(() -> one(Param.of("orderListId", idLo))));
    }
    List<String> clientIds = q.optional("list_client_order_id");
    if (clientIds != null) {
      // One GET /api/v3/orderList (weight 4) per list client id, not allOrderList pages.
      return List.of(
          AccountRequests.byClientIds(
              clientIds, id -> one(Param.of("origClientOrderId", id)), q, LIST_ID));
    }
    return List.of(RowStream.deferred(() -> plan(q, idLo, idHi)));
  }

  private RowStream plan(ScanQuery q, long idLo, long idHi) {
    if (q.hasLower("transaction_time") && idLo == 0) {
      long lo = q.lower("transaction_time");
      long hi = Math.min(q.upper("transaction_time"), AccountRequests.serverNow(ctx));
      if (hi - lo < OrdersTable.MAX_WINDOW_DAYS * AccountRequests.DAY) {
        return WindowPager.splitting(
            lo,
            hi,
            LIST_ID,
            (start, end) ->
                fetch(
                        "/api/v3/allOrderList",
                        List.of(
                            Param.of("startTime", start),
                            Param.of("endTime", end),
                            Param.of("limit", AccountRequests.PAGE)),
                        EndpointWeights.ALL_ORDER_LIST)
                    .rows(),
            "order_lists",
            "order lists");
      }
    }
    // allOrderList?fromId= forwards, 1000 lists a page.
    return KeyedPager.byId(
            idLo,
            idHi,
            LIST_ID,
            (cursor, limit) ->
                fetch(
                        "/api/v3/allOrderList",
                        List.of(Param.of("fromId", cursor), Param.of("limit", limit)),
                        EndpointWeights.ALL_ORDER_LIST)
                    .rows())
        .countKeys();
  }

  private List<Object[]> one(Param which) {
    try {
      return fetch("/api/v3/orderList", List.of(which), EndpointWeights.ORDER_LIST).rows();
    } catch (BinanceException e) {
      if (e.vendorCode() == -2013 || e.vendorCode() == -2011) {
        return List.of();
      }
      throw e;
    }
  }

  /** The rows of a page of lists, and the lists' ids in the order they came. */
  private record Lists(List<Object[]> rows, List<Long> ids) {}

  private Lists fetch(String path, List<Param> params, int weight) {
    return AccountRequests.get(ctx, path, params, weight, this::read);
  }

  private Lists read(JsonParser p) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    JsonToken t = p.nextToken();
    if (t == JsonToken.START_ARRAY) {
      while (Json.nextElement(p, JsonToken.START_OBJECT)) {
        readList(p, rows, ids);
      }
    } else {
      readList(p, rows, ids);
    }
    return new Lists(rows, ids);
  }

  private void readList(JsonParser p, List<Object[]> rows, List<Long> ids) throws IOException {
    Json.expect(p, JsonToken.START_OBJECT);
    Object[] list = new Object[listFields.width()];
    List<Object[]> orders = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("orders") && p.currentToken() == JsonToken.START_ARRAY) {
        orderFields.readObjects(p, orders);
      } else {
        listFields.readField(p, name, list);
      }
    }
    RowChecks.requirePresent(def, list);
    ids.add((Long) list[LIST_ID]);
    if (orders.isEmpty()) {
      rows.add(list);
    }
    for (Object[] o : orders) {
      Object[] r = list.clone();
      for (String c : ORDER_COLUMNS) {
        int i = def.index(c);
        r[i] = o[i];
      }
      rows.add(r);
    }
  }

  /**
   * As {@link #plan} chooses: one {@code orderList} per id or client id; 24 h windows over a {@code
   * transaction_time} span under a week; else {@code fromId} pages of 1000 lists.
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    if (open) {
      return super.explain(q);
    }
    Keys none = new Keys(List.of(), 1, true);
    RequestPlan plan = RequestPlan.none();
    ExplainQuery.Sym idLo = q.lower("order_list_id");
    ExplainQuery.Sym idHi = q.upper("order_list_id");
    if (BY_ID.explain(plan, q, none, this::signedQuery)) {
      return plan;
    }
    long now = ctx.config().clock().millis() + AccountRequests.NOW_SLACK;
    if ((idLo == null || (idLo.known() && idLo.number() <= 0))
        && ALL.windows(
            plan,
            none,
            List.of(),
            q.lower("transaction_time"),
            q.upper("transaction_time"),
            now,
            this::signedQuery)) {
      return plan;
    }
    ALL.forward(plan, none, List.of(), idLo, idHi, null, this::signedQuery);
    return plan;
  }
}
