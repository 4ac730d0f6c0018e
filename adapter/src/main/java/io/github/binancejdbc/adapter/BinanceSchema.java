package io.github.binancejdbc.adapter;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.function.BinanceProcedure;
import io.github.binancejdbc.adapter.function.ProcedureDef;
import io.github.binancejdbc.adapter.function.Procedures;
import io.github.binancejdbc.adapter.table.AccountTables;
import io.github.binancejdbc.adapter.table.AggTradesTable;
import io.github.binancejdbc.adapter.table.BinanceContext;
import io.github.binancejdbc.adapter.table.BinanceTable;
import io.github.binancejdbc.adapter.table.BlockTradesTable;
import io.github.binancejdbc.adapter.table.CommissionRatesTable;
import io.github.binancejdbc.adapter.table.ExchangeInfoTables;
import io.github.binancejdbc.adapter.table.ExecutionRulesTable;
import io.github.binancejdbc.adapter.table.KlinesTable;
import io.github.binancejdbc.adapter.table.MyFiltersTable;
import io.github.binancejdbc.adapter.table.MyTradesTable;
import io.github.binancejdbc.adapter.table.OpenOrdersTable;
import io.github.binancejdbc.adapter.table.OrderAmendmentsTable;
import io.github.binancejdbc.adapter.table.OrderBookTable;
import io.github.binancejdbc.adapter.table.OrderListsTable;
import io.github.binancejdbc.adapter.table.OrdersTable;
import io.github.binancejdbc.adapter.table.PingTable;
import io.github.binancejdbc.adapter.table.PreventedMatchesTable;
import io.github.binancejdbc.adapter.table.ReferencePriceTables;
import io.github.binancejdbc.adapter.table.ServerTimeTable;
import io.github.binancejdbc.adapter.table.SystemTables;
import io.github.binancejdbc.adapter.table.TickerTables;
import io.github.binancejdbc.adapter.table.TradesTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.jspecify.annotations.Nullable;

/**
 * The {@code binance} schema of one connection. A table is built, without any request, when it is
 * first named: a connection that runs one lookup builds one table, not all of them; the schema owns
 * the connection's transport and caches and releases them in {@link #close()}.
 */
public final class BinanceSchema extends AbstractSchema implements AutoCloseable {
  public static final String NAME = "binance";

  /** Every table's name, in reference order ({@link #build} makes each). */
  private static final List<String> NAMES =
      List.of(
          "klines",
          "ui_klines",
          "trades",
          "agg_trades",
          "order_book",
          "avg_price",
          "ticker_24hr",
          "ticker_price",
          "book_ticker",
          "rolling_ticker",
          "trading_day_ticker",
          "symbols",
          "symbol_filters",
          "rate_limits",
          "server_time",
          "ping",
          "execution_rules",
          "reference_prices",
          "reference_price_calculations",
          "block_trades",
          "account",
          "account_balances",
          "open_orders",
          "orders",
          "my_trades",
          "order_lists",
          "open_order_lists",
          "order_rate_limits",
          "prevented_matches",
          "sor_allocations",
          "commission_rates",
          "order_amendments",
          "my_filters",
          "api_requests",
          "api_usage");

  private final BinanceContext ctx;
  private final ConcurrentMap<String, BinanceTable> built = new ConcurrentHashMap<>();
  private volatile @Nullable Map<String, Table> all;

  public BinanceSchema(BinanceConfig config) {
    this(new BinanceContext(requireNonNull(config, "config is null"), new BinanceHttp(config)));
  }

  BinanceSchema(BinanceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The table called {@code name} of {@link #NAMES}, or null. A switch, not a map of constructor
   * references: each reference is a class generated on first use, 35 of them on every first
   * connection of a process.
   */
  private static @Nullable BinanceTable build(String name, BinanceContext ctx) {
    return switch (name) {
      case "klines" -> KlinesTable.klines(ctx);
      case "ui_klines" -> KlinesTable.uiKlines(ctx);
      case "trades" -> new TradesTable(ctx);
      case "agg_trades" -> new AggTradesTable(ctx);
      case "order_book" -> new OrderBookTable(ctx);
      case "avg_price" -> TickerTables.avgPrice(ctx);
      case "ticker_24hr" -> TickerTables.ticker24hr(ctx);
      case "ticker_price" -> TickerTables.tickerPrice(ctx);
      case "book_ticker" -> TickerTables.bookTicker(ctx);
      case "rolling_ticker" -> TickerTables.rollingTicker(ctx);
      case "trading_day_ticker" -> TickerTables.tradingDayTicker(ctx);
      case "symbols" -> ExchangeInfoTables.symbols(ctx);
      case "symbol_filters" -> ExchangeInfoTables.symbolFilters(ctx);
      case "rate_limits" -> ExchangeInfoTables.rateLimits(ctx);
      case "server_time" -> new ServerTimeTable(ctx);
      case "ping" -> new PingTable(ctx);
      case "execution_rules" -> new ExecutionRulesTable(ctx);
      case "reference_prices" -> ReferencePriceTables.referencePrices(ctx);
      case "reference_price_calculations" -> ReferencePriceTables.calculations(ctx);
      case "block_trades" -> new BlockTradesTable(ctx);
      case "account" -> AccountTables.account(ctx);
      case "account_balances" -> AccountTables.balances(ctx);
      case "open_orders" -> new OpenOrdersTable(ctx);
      case "orders" -> new OrdersTable(ctx);
      case "my_trades" -> MyTradesTable.myTrades(ctx);
      case "order_lists" -> OrderListsTable.orderLists(ctx);
      case "open_order_lists" -> OrderListsTable.openOrderLists(ctx);
      case "order_rate_limits" -> AccountTables.orderRateLimits(ctx);
      case "prevented_matches" -> new PreventedMatchesTable(ctx);
      case "sor_allocations" -> MyTradesTable.sorAllocations(ctx);
      case "commission_rates" -> CommissionRatesTable.commissionRates(ctx);
      case "order_amendments" -> new OrderAmendmentsTable(ctx);
      case "my_filters" -> new MyFiltersTable(ctx);
      case "api_requests" -> SystemTables.apiRequests(ctx);
      case "api_usage" -> SystemTables.apiUsage(ctx);
      default -> null;
    };
  }

  /** The names of the tables, in reference order, without building any. */
  public static List<String> tableNames() {
    return NAMES;
  }

  /** The table called {@code name} (exact, lower case), built on first use; null if none is. */
  public @Nullable BinanceTable table(String name) {
    BinanceTable t = built.get(name);
    if (t != null) {
      return t;
    }
    t = build(name, ctx);
    if (t == null) {
      return null;
    }
    if (!t.def().name().equals(name)) {
      throw new IllegalStateException("table " + name + " is defined as " + t.def().name());
    }
    BinanceTable raced = built.putIfAbsent(name, t);
    return raced != null ? raced : t;
  }

  /** How many tables this connection has built so far. */
  int builtTables() {
    return built.size();
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return binanceTables();
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    ImmutableMultimap.Builder<String, Function> b = ImmutableMultimap.builder();
    for (ProcedureDef d : Procedures.all()) {
      b.put(d.name(), new BinanceProcedure(d));
    }
    return b.build();
  }

  /** All the tables by name, in reference order (building those not built yet). */
  public Map<String, Table> binanceTables() {
    Map<String, Table> m = all;
    if (m == null) {
      Map<String, Table> map = new LinkedHashMap<>();
      for (String name : NAMES) {
        map.put(name, requireNonNull(table(name)));
      }
      m = Collections.unmodifiableMap(map);
      all = m;
    }
    return m;
  }

  public BinanceContext context() {
    return ctx;
  }

  @Override
  public void close() {
    ctx.close();
  }
}
