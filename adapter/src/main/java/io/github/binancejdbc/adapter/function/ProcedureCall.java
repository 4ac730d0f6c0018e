package io.github.binancejdbc.adapter.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import io.github.binancejdbc.adapter.table.BinanceContext;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.jspecify.annotations.Nullable;

/**
 * One execution of one procedure. Created by the generated code with the argument values; sends
 * nothing until its rows are first read, then sends exactly one request and keeps the answer, so a
 * plan that reads the rows twice (a nested-loop join) cannot place a second order.
 *
 * <p>Safety, in order: the connection must allow trading (else nothing is sent); the symbol must be
 * allowed and the notional within the connection's limit; quantities and prices must pass the
 * symbol's filters; every order gets a client order id (the caller's or a generated one); a request
 * whose outcome is unknown (timeout, dropped connection, 5xx, -1006, -1007) is never sent again:
 * the exchange is asked what happened, by that client id.
 */
public final class ProcedureCall extends AbstractTable implements ScannableTable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BodyReader<JsonNode> TREE = p -> ProcedureRows.MAPPER.readTree(p);

  private final ProcedureDef def;
  private final Object[] args;
  private @Nullable List<Object[]> rows;

  private ProcedureCall(ProcedureDef def, Object[] args) {
    this.def = def;
    this.args = args.clone();
  }

  /** Called by generated code once per execution. No I/O. */
  public static ScannableTable create(String name, Object[] args) {
    return new ProcedureCall(Procedures.get(name), args);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return ProcedureRows.rowType(typeFactory, def.result());
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return Linq4j.enumerator(result(root));
      }
    };
  }

  private synchronized List<Object[]> result(DataContext root) {
    if (rows == null) {
      rows = execute(context(root));
    }
    return rows;
  }

  private static BinanceContext context(DataContext root) {
    BinanceSchema schema =
        root.getRootSchema().subSchemas().get(BinanceSchema.NAME).unwrap(BinanceSchema.class);
    return schema.context();
  }

  private List<Object[]> execute(BinanceContext ctx) {
    Map<String, String> values = values();
    if (def.trading() && ctx.readOnly()) {
      throw new BinanceException(
          SqlState.READ_ONLY_SQL_TRANSACTION,
          0,
          def.name()
              + " changes"
              + " orders and this connection was set read-only (Connection.setReadOnly(true)): call"
              + " setReadOnly(false) to allow it. Nothing was sent.",
          null);
    }
    if (def.trading() && !ctx.config().trading()) {
      throw new BinanceException(
          SqlState.INSUFFICIENT_PRIVILEGE,
          0,
          def.name()
              + " changes"
              + " orders and this connection is read-only: connect with trading=true to allow it."
              + " Nothing was sent.",
          null);
    }
    String clientIdParam = def.clientIdParam();
    if (clientIdParam != null && values.get(clientIdParam) == null) {
      values.put(clientIdParam, newClientId());
    }
    check(ctx, values);
    List<Param> params = new ArrayList<>();
    values.forEach((k, v) -> params.add(new Param(k, v)));
    BinanceHttp http = ctx.http();
    JsonNode response;
    try {
      BodyReader<JsonNode> reader = p -> ProcedureRows.checkShape(def.result(), TREE.read(p));
      response =
          def.signed()
              ? http.signed(def.method(), def.path(), params, def.weight(), reader)
              : http.keyed(def.method(), def.path(), params, def.weight(), reader);
    } catch (BinanceException e) {
      if (e.outcomeUnknown()) {
        return reconcile(ctx, values, e);
      }
      if (def.result() == ProcedureDef.Result.LISTEN_KEY
          && (e.vendorCode() == 404 || e.vendorCode() == 410 || e.vendorCode() == -1016)) {
        // The server's page (HTML from the gateway, usually) says nothing useful: say it plainly.
        String said =
            e.vendorCode() < 0
                ? e.getMessage()
                : "HTTP " + e.vendorCode() + " on " + def.method() + " " + def.path();
        throw new BinanceException(
            SqlState.FEATURE_NOT_SUPPORTED,
            e.vendorCode(),
            def.name()
                + ": Binance retired the listen-key endpoints on 2026-02-20 and the server"
                + " says so ("
                + said
                + "). Subscribe to the user data stream with the WebSocket"
                + " API's userDataStream.subscribe instead.",
            e);
      }
      throw e;
    }
    return switch (def.result()) {
      case TEST -> List.<Object[]>of(ProcedureRows.test(values.get("symbol"), response));
      case LISTEN_KEY ->
          List.<Object[]>of(
              new Object[] {
                response.hasNonNull("listenKey")
                    ? response.get("listenKey").asText()
                    : values.get("listenKey"),
                def.outcome()
              });
      case ORDERS -> ProcedureRows.orders(response, def.outcome(), null);
    };
  }

  /** The API parameters, in declaration order, from the SQL arguments. */
  private Map<String, String> values() {
    Map<String, String> out = new LinkedHashMap<>();
    List<ProcParam> params = def.params();
    for (int i = 0; i < params.size(); i++) {
      ProcParam p = params.get(i);
      Object v = i < args.length ? args[i] : null;
      if (v == null) {
        if (p.required()) {
          throw BinanceException.badValue(
              def.name()
                  + " needs "
                  + p.name()
                  + ": "
                  + def.name()
                  + "("
                  + p.name()
                  + " => ...). "
                  + p.remarks()
                  + ". Nothing was sent.");
        }
        continue;
      }
      out.put(p.apiName(), Arguments.text(def.name(), p, v));
    }
    return out;
  }

  /** {@code bjdbc-} and 24 random hex digits: unique, and within Binance's 36 characters. */
  static String newClientId() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    StringBuilder sb = new StringBuilder("bjdbc-");
    for (byte x : b) {
      sb.append(String.format(Locale.ROOT, "%02x", x));
    }
    return sb.toString();
  }

  /** The checks the procedure names ({@link ProcedureDef#checks()}); nothing sent on failure. */
  private void check(BinanceContext ctx, Map<String, String> v) {
    String symbol = v.get("symbol");
    if (symbol == null || def.checks() == ProcedureDef.Checks.NONE) {
      return;
    }
    if (def.checks() == ProcedureDef.Checks.SYMBOL) {
      if (def.trading()) {
        OrderChecks.checkGuards(
            ctx.config(),
            new OrderChecks.Order(def.name(), symbol, null, null, null, null, null, null, false),
            null);
      }
      return;
    }
    List<OrderChecks.Order> legs = OrderChecks.orders(def, symbol, v);
    var info = ctx.exchangeInfo().get();
    for (OrderChecks.Order o : legs) {
      OrderChecks.checkFilters(info, o);
    }
    if (def.trading()) {
      for (OrderChecks.Order o : legs) {
        BigDecimal market = null;
        if (ctx.config().maxOrderNotional() != null
            && OrderChecks.notional(o, null) == null
            && o.quantity() != null) {
          market = lastPrice(ctx, symbol);
        }
        OrderChecks.checkGuards(ctx.config(), o, market);
      }
    }
  }

  private static BigDecimal lastPrice(BinanceContext ctx, String symbol) {
    JsonNode n =
        ctx.http().get("/api/v3/ticker/price", List.of(Param.of("symbol", symbol)), 2, TREE);
    return new BigDecimal(n.get("price").asText());
  }

  /** The request may or may not have been executed: ask the exchange, never send it again. */
  private List<Object[]> reconcile(BinanceContext ctx, Map<String, String> v, BinanceException e) {
    Reconciler r = new Reconciler(ctx, def, v, e, ctx.config().clock().millis());
    return r.run();
  }
}
