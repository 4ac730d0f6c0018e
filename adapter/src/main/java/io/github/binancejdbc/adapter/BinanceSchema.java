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
import java.util.Map;
import java.util.Set;
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

  /** Every table's name and how it is built, in reference order. */
  private static final Map<String, java.util.function.Function<BinanceContext, BinanceTable>>
      FACTORIES = factories();

  private final BinanceContext ctx;
  private final ConcurrentMap<String, BinanceTable> built = new ConcurrentHashMap<>();
  private volatile @Nullable Map<String, Table> all;

  public BinanceSchema(BinanceConfig config) {
    this(new BinanceContext(requireNonNull(config, "config is null"), new BinanceHttp(config)));
  }

  BinanceSchema(BinanceContext ctx) {
    this.ctx = ctx;
  }

  private static Map<String, java.util.function.Function<BinanceContext, BinanceTable>>
      factories() {
    Map<String, java.util.function.Function<BinanceContext, BinanceTable>> f =
        new LinkedHashMap<>();
    f.put("klines", KlinesTable::klines);
    f.put("ui_klines", KlinesTable::uiKlines);
    f.put("trades", TradesTable::new);
    f.put("agg_trades", AggTradesTable::new);
    f.put("order_book", OrderBookTable::new);
    f.put("avg_price", TickerTables::avgPrice);
    f.put("ticker_24hr", TickerTables::ticker24hr);
    f.put("ticker_price", TickerTables::tickerPrice);
    f.put("book_ticker", TickerTables::bookTicker);
    f.put("rolling_ticker", TickerTables::rollingTicker);
    f.put("trading_day_ticker", TickerTables::tradingDayTicker);
    f.put("symbols", ExchangeInfoTables::symbols);
    f.put("symbol_filters", ExchangeInfoTables::symbolFilters);
    f.put("rate_limits", ExchangeInfoTables::rateLimits);
    f.put("server_time", ServerTimeTable::new);
    f.put("ping", PingTable::new);
    f.put("execution_rules", ExecutionRulesTable::new);
    f.put("reference_prices", ReferencePriceTables::referencePrices);
    f.put("reference_price_calculations", ReferencePriceTables::calculations);
    f.put("block_trades", BlockTradesTable::new);
    f.put("account", AccountTables::account);
    f.put("account_balances", AccountTables::balances);
    f.put("open_orders", OpenOrdersTable::new);
    f.put("orders", OrdersTable::new);
    f.put("my_trades", MyTradesTable::myTrades);
    f.put("order_lists", OrderListsTable::orderLists);
    f.put("open_order_lists", OrderListsTable::openOrderLists);
    f.put("order_rate_limits", AccountTables::orderRateLimits);
    f.put("prevented_matches", PreventedMatchesTable::new);
    f.put("sor_allocations", MyTradesTable::sorAllocations);
    f.put("commission_rates", CommissionRatesTable::commissionRates);
    f.put("order_amendments", OrderAmendmentsTable::new);
    f.put("my_filters", MyFiltersTable::new);
    f.put("api_requests", SystemTables::apiRequests);
    f.put("api_usage", SystemTables::apiUsage);
    return Collections.unmodifiableMap(f);
  }

  /** The names of the tables, in reference order, without building any. */
  public static Set<String> tableNames() {
    return FACTORIES.keySet();
  }

  /** The table called {@code name} (exact, lower case), built on first use; null if none is. */
  public @Nullable BinanceTable table(String name) {
    BinanceTable t = built.get(name);
    if (t != null) {
      return t;
    }
    java.util.function.Function<BinanceContext, BinanceTable> factory = FACTORIES.get(name);
    if (factory == null) {
      return null;
    }
    t = factory.apply(ctx);
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
      for (String name : FACTORIES.keySet()) {
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
