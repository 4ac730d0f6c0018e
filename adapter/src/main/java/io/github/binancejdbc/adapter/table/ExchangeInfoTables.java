package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceErrorCode;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables read from the cached {@code GET /api/v3/exchangeInfo}: {@code symbols}, {@code
 * symbol_filters} and {@code rate_limits}. One request (weight 20) serves all three until the cache
 * entry expires ({@code exchangeInfoTtl}). While the whole answer is not cached, a query on some
 * symbols asks for those ({@code symbol}/{@code symbols}), one on a status Binance can filter by
 * ({@code TRADING}, {@code HALT}, {@code BREAK}) asks with {@code symbolStatus}, and one on a
 * {@code permission} with {@code permissions}, each cached in turn, instead of all symbols.
 */
public final class ExchangeInfoTables {
  private ExchangeInfoTables() {}

  static final TableDef SYMBOLS =
      TableDef.builder("symbols", "GET /api/v3/exchangeInfo", "Trading pairs and their rules")
          .fieldsByName()
          .columns(
              """
              symbol                      VARCHAR  optional-key  Trading pair, e.g. BTCUSDT
              status                      VARCHAR  optional-key  TRADING, END_OF_DAY, HALT, BREAK or
                                                                 CANCEL_ONLY
              base_asset                  VARCHAR  plain         Base asset, e.g. BTC
              base_asset_precision        INTEGER  nullable      Decimals of the base asset
              quote_asset                 VARCHAR  plain         Quote asset, e.g. USDT
              quote_precision             INTEGER  nullable      Decimals of the quote asset (legacy
                                                                 name)
              quote_asset_precision       INTEGER  nullable      Decimals of the quote asset
              base_commission_precision   INTEGER  nullable      Decimals of commissions in the base
                                                                 asset
              quote_commission_precision  INTEGER  nullable      Decimals of commissions in the
                                                                 quote asset
              order_types                 VARCHAR  nullable      Allowed order types,
                                                                 comma-separated
              iceberg_allowed             BOOLEAN  nullable      Iceberg orders allowed
              oco_allowed                 BOOLEAN  nullable      OCO order lists allowed
              oto_allowed                 BOOLEAN  nullable      OTO order lists allowed
              opo_allowed                 BOOLEAN  nullable      OPO order lists allowed
              quote_order_qty_market_allowed  BOOLEAN  nullable      MARKET orders by quote quantity
                                                                 allowed
              allow_trailing_stop         BOOLEAN  nullable      Trailing stops allowed
              cancel_replace_allowed      BOOLEAN  nullable      Cancel-replace allowed
              amend_allowed               BOOLEAN  nullable      Amend keep-priority allowed
              peg_instructions_allowed    BOOLEAN  nullable      Pegged orders allowed
              is_spot_trading_allowed     BOOLEAN  nullable      Spot trading allowed
              is_margin_trading_allowed   BOOLEAN  nullable      Margin trading allowed
              permission_sets             VARCHAR  nullable      Permission sets: commas join
                                                                 alternatives (OR), semicolons join
                                                                 sets (AND)
              default_self_trade_prevention_mode  VARCHAR  nullable      Default STP mode
              allowed_self_trade_prevention_modes  VARCHAR  nullable      Allowed STP modes,
                                                                 comma-separated
              permission:-                VARCHAR  nullable,optional-key  The permission asked for
                                                                 (SPOT, MARGIN, TRD_GRP_004, ...),
                                                                 sent as permissions; NULL when the
                                                                 query does not filter on it.
                                                                 Without it Binance lists the
                                                                 symbols having SPOT, MARGIN or
                                                                 LEVERAGED
              """)
          .primaryKey("symbol")
          .build();

  static final TableDef FILTERS =
      TableDef.builder(
              "symbol_filters",
              "GET /api/v3/exchangeInfo",
              "Trading rules (filters)"
                  + " per symbol, one row per filter; a column is null where the filter lacks it")
          .fieldsByName()
          .columns(
              """
              symbol:-                  VARCHAR  optional-key  Trading pair, e.g. BTCUSDT
              filter_type               VARCHAR  plain         PRICE_FILTER, LOT_SIZE, NOTIONAL, ...
              min_price                 DECIMAL  nullable      PRICE_FILTER minimum price
              max_price                 DECIMAL  nullable      PRICE_FILTER maximum price
              tick_size                 DECIMAL  nullable      PRICE_FILTER price step
              multiplier_up             DECIMAL  nullable      PERCENT_PRICE upper multiplier
              multiplier_down           DECIMAL  nullable      PERCENT_PRICE lower multiplier
              avg_price_mins            INTEGER  nullable      Minutes of the average price the
                                                               filter uses
              bid_multiplier_up         DECIMAL  nullable      PERCENT_PRICE_BY_SIDE
              bid_multiplier_down       DECIMAL  nullable      PERCENT_PRICE_BY_SIDE
              ask_multiplier_up         DECIMAL  nullable      PERCENT_PRICE_BY_SIDE
              ask_multiplier_down       DECIMAL  nullable      PERCENT_PRICE_BY_SIDE
              min_qty                   DECIMAL  nullable      LOT_SIZE / MARKET_LOT_SIZE minimum
                                                               quantity
              max_qty                   DECIMAL  nullable      LOT_SIZE / MARKET_LOT_SIZE maximum
                                                               quantity
              step_size                 DECIMAL  nullable      LOT_SIZE / MARKET_LOT_SIZE quantity
                                                               step
              min_notional              DECIMAL  nullable      MIN_NOTIONAL / NOTIONAL minimum price
                                                               x quantity
              apply_to_market           BOOLEAN  nullable      MIN_NOTIONAL applies to MARKET orders
              apply_min_to_market       BOOLEAN  nullable      NOTIONAL minimum applies to MARKET
                                                               orders
              max_notional              DECIMAL  nullable      NOTIONAL maximum price x quantity
              apply_max_to_market       BOOLEAN  nullable      NOTIONAL maximum applies to MARKET
                                                               orders
              iceberg_parts_limit:limit INTEGER  nullable      ICEBERG_PARTS maximum parts
              max_num_orders            INTEGER  nullable      MAX_NUM_ORDERS
              max_num_algo_orders       INTEGER  nullable      MAX_NUM_ALGO_ORDERS
              max_num_iceberg_orders    INTEGER  nullable      MAX_NUM_ICEBERG_ORDERS
              max_num_order_amends      INTEGER  nullable      MAX_NUM_ORDER_AMENDS
              max_num_order_lists       INTEGER  nullable      MAX_NUM_ORDER_LISTS
              max_position              DECIMAL  nullable      MAX_POSITION
              min_trailing_above_delta  INTEGER  nullable      TRAILING_DELTA
              max_trailing_above_delta  INTEGER  nullable      TRAILING_DELTA
              min_trailing_below_delta  INTEGER  nullable      TRAILING_DELTA
              max_trailing_below_delta  INTEGER  nullable      TRAILING_DELTA
              """)
          .primaryKey("symbol", "filter_type")
          .build();

  static final TableDef RATE_LIMITS =
      TableDef.builder("rate_limits", "GET /api/v3/exchangeInfo", "The API's rate limits")
          .fieldsByName()
          .columns(
              """
              rate_limit_type         VARCHAR  plain  REQUEST_WEIGHT, ORDERS or RAW_REQUESTS
              interval_unit:interval  VARCHAR  plain  SECOND, MINUTE, HOUR or DAY
              interval_num            INTEGER  plain  Number of interval units
              limit_value:limit       INTEGER  plain  The limit per interval
              """)
          .primaryKey("rate_limit_type", "interval_unit", "interval_num")
          .build();

  public static BinanceTable symbols(BinanceContext ctx) {
    return new CachedTable(SYMBOLS, ctx, ExchangeInfoCache.ExchangeInfo::symbols);
  }

  public static BinanceTable symbolFilters(BinanceContext ctx) {
    return new CachedTable(FILTERS, ctx, ExchangeInfoCache.ExchangeInfo::filters);
  }

  public static BinanceTable rateLimits(BinanceContext ctx) {
    return new CachedTable(RATE_LIMITS, ctx, ExchangeInfoCache.ExchangeInfo::rateLimits);
  }

  /** The statuses {@code symbolStatus} accepts. */
  static final Set<String> FILTERABLE_STATUSES = Set.of("TRADING", "HALT", "BREAK");

  /** More symbols than this are read from the whole answer (a long list is a long URL). */
  static final int MAX_SYMBOLS = 100;

  /** A table whose rows are one part of the cached exchange information. */
  private static final class CachedTable extends BinanceTable {
    private final Function<ExchangeInfoCache.ExchangeInfo, List<Object[]>> rows;

    CachedTable(
        TableDef def,
        BinanceContext ctx,
        Function<ExchangeInfoCache.ExchangeInfo, List<Object[]>> rows) {
      super(def, ctx);
      this.rows = rows;
    }

    @Override
    protected List<RowStream> streams(ScanQuery q) {
      // Keys filter the rows too (the enumerator checks them): a request only narrows them.
      List<String> permissions = has("permission") ? q.optional("permission") : null;
      if (permissions != null) {
        List<RowStream> streams = new ArrayList<>();
        int slot = def.index("permission");
        for (String permission : permissions) {
          streams.add(
              RowStream.once(
                  () -> {
                    List<Object[]> out = new ArrayList<>();
                    for (Object[] r :
                        rows.apply(info(List.of(Param.of("permissions", permission))))) {
                      Object[] copy = r.clone();
                      copy[slot] = permission;
                      out.add(copy);
                    }
                    return out;
                  }));
        }
        return streams;
      }
      List<String> symbols = has("symbol") ? q.optional("symbol") : null;
      List<String> statuses = has("status") ? q.optional("status") : null;
      if (symbols != null) {
        return List.of(RowStream.once(() -> rows.apply(bySymbols(symbols))));
      }
      if (statuses != null && FILTERABLE_STATUSES.containsAll(statuses)) {
        List<RowStream> streams = new ArrayList<>();
        for (String status : statuses) {
          streams.add(
              RowStream.once(() -> rows.apply(info(List.of(Param.of("symbolStatus", status))))));
        }
        return streams;
      }
      return List.of(RowStream.once(() -> rows.apply(ctx.exchangeInfo().get())));
    }

    /**
     * One {@code exchangeInfo} (weight 20) unless the whole answer is cached now; per permission or
     * status one each; a symbol list is one request, or the whole answer when it is long.
     */
    @Override
    protected RequestPlan explain(ExplainQuery q) {
      RequestPlan plan = RequestPlan.none();
      String path = "/api/v3/exchangeInfo";
      int w = io.github.binancejdbc.adapter.client.EndpointWeights.EXCHANGE_INFO;
      List<ExplainQuery.Sym> permissions = has("permission") ? q.points("permission") : null;
      List<ExplainQuery.Sym> symbols = has("symbol") ? q.points("symbol") : null;
      List<ExplainQuery.Sym> statuses = has("status") ? q.points("status") : null;
      boolean whole = ctx.exchangeInfo().cachedWhole() != null;
      if (permissions != null) {
        for (ExplainQuery.Sym p : permissions) {
          plan.atMost(1, "GET", path, "permissions=" + p, w);
        }
        return plan.note("a part already cached is not asked again");
      }
      if (symbols != null && !whole && symbols.size() <= MAX_SYMBOLS) {
        return plan.atMost(
                1,
                "GET",
                path,
                symbols.size() == 1
                    ? "symbol=" + symbols.get(0)
                    : "symbols=" + TickerTable.symbolList(symbols),
                w)
            .note("a part already cached is not asked again");
      }
      if (whole) {
        return plan.note("none: exchangeInfo is cached");
      }
      if (symbols == null
          && statuses != null
          && statuses.stream().allMatch(v -> FILTERABLE_STATUSES.contains(v.text()))) {
        for (ExplainQuery.Sym status : statuses) {
          plan.atMost(1, "GET", path, "symbolStatus=" + status, w);
        }
        return plan.note("a part already cached is not asked again");
      }
      return plan.exact(1, "GET", path, "", w);
    }

    private boolean has(String column) {
      return def.columns().stream().anyMatch(c -> c.name().equals(column));
    }

    /** The whole answer if cached, else the part asked for. */
    private ExchangeInfoCache.ExchangeInfo info(List<Param> params) {
      ExchangeInfoCache.ExchangeInfo whole = ctx.exchangeInfo().cachedWhole();
      return whole != null && params.get(0).name().equals("symbolStatus")
          ? whole
          : ctx.exchangeInfo().get(params);
    }

    /**
     * The symbols asked for. Binance refuses a list with an unknown symbol (-1121) where the table
     * has no row for it: the whole answer then says which exist.
     */
    private ExchangeInfoCache.ExchangeInfo bySymbols(List<String> symbols) {
      if (ctx.exchangeInfo().cachedWhole() != null || symbols.size() > MAX_SYMBOLS) {
        return ctx.exchangeInfo().get();
      }
      Param p =
          symbols.size() == 1
              ? Param.of("symbol", symbols.get(0))
              : Param.of("symbols", TickerTable.jsonArray(symbols));
      try {
        return ctx.exchangeInfo().get(List.of(p));
      } catch (BinanceException e) {
        if (e.vendorCode() != BinanceErrorCode.BAD_SYMBOL.code()) {
          throw e;
        }
        return ctx.exchangeInfo().get();
      }
    }
  }
}
