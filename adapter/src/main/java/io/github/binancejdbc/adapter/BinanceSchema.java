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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code binance} schema of one connection. Tables are built once, without any request; the
 * schema owns the connection's transport and caches and releases them in {@link #close()}.
 */
public final class BinanceSchema extends AbstractSchema implements AutoCloseable {
  public static final String NAME = "binance";

  private final BinanceContext ctx;
  private final Map<String, Table> tables;

  public BinanceSchema(BinanceConfig config) {
    this(new BinanceContext(requireNonNull(config, "config is null"), new BinanceHttp(config)));
  }

  BinanceSchema(BinanceContext ctx) {
    this.ctx = ctx;
    List<BinanceTable> all = new ArrayList<>();
    all.add(KlinesTable.klines(ctx));
    all.add(KlinesTable.uiKlines(ctx));
    all.add(new TradesTable(ctx));
    all.add(new AggTradesTable(ctx));
    all.add(new OrderBookTable(ctx));
    all.add(TickerTables.avgPrice(ctx));
    all.add(TickerTables.ticker24hr(ctx));
    all.add(TickerTables.tickerPrice(ctx));
    all.add(TickerTables.bookTicker(ctx));
    all.add(TickerTables.rollingTicker(ctx));
    all.add(TickerTables.tradingDayTicker(ctx));
    all.add(ExchangeInfoTables.symbols(ctx));
    all.add(ExchangeInfoTables.symbolFilters(ctx));
    all.add(ExchangeInfoTables.rateLimits(ctx));
    all.add(new ServerTimeTable(ctx));
    all.add(new PingTable(ctx));
    all.add(new ExecutionRulesTable(ctx));
    all.add(ReferencePriceTables.referencePrices(ctx));
    all.add(ReferencePriceTables.calculations(ctx));
    all.add(new BlockTradesTable(ctx));
    all.add(AccountTables.account(ctx));
    all.add(AccountTables.balances(ctx));
    all.add(new OpenOrdersTable(ctx));
    all.add(new OrdersTable(ctx));
    all.add(MyTradesTable.myTrades(ctx));
    all.add(OrderListsTable.orderLists(ctx));
    all.add(OrderListsTable.openOrderLists(ctx));
    all.add(AccountTables.orderRateLimits(ctx));
    all.add(new PreventedMatchesTable(ctx));
    all.add(MyTradesTable.sorAllocations(ctx));
    all.add(CommissionRatesTable.commissionRates(ctx));
    all.add(new OrderAmendmentsTable(ctx));
    all.add(new MyFiltersTable(ctx));
    all.add(SystemTables.apiRequests(ctx));
    all.add(SystemTables.apiUsage(ctx));
    Map<String, Table> map = new LinkedHashMap<>();
    for (BinanceTable t : all) {
      map.put(t.def().name(), t);
    }
    this.tables = Collections.unmodifiableMap(map);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    ImmutableMultimap.Builder<String, Function> b = ImmutableMultimap.builder();
    for (ProcedureDef d : Procedures.all()) {
      b.put(d.name(), new BinanceProcedure(d));
    }
    return b.build();
  }

  /** The tables by name, in reference order. */
  public Map<String, Table> binanceTables() {
    return tables;
  }

  public BinanceContext context() {
    return ctx;
  }

  @Override
  public void close() {
    ctx.close();
  }
}
