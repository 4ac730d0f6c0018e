package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.col;
import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;
import static io.github.binancejdbc.adapter.table.ColumnDef.optionalKey;

import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceErrorCode;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayList;
import java.util.List;
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
          .column(optionalKey("symbol", "Trading pair, e.g. BTCUSDT"))
          .column(optionalKey("status", "TRADING, END_OF_DAY, HALT, BREAK or CANCEL_ONLY"))
          .column(col("base_asset", ColumnType.VARCHAR, "Base asset, e.g. BTC"))
          .column(nullable("base_asset_precision", ColumnType.INTEGER, "Decimals of the base"
              + " asset"))
          .column(col("quote_asset", ColumnType.VARCHAR, "Quote asset, e.g. USDT"))
          .column(nullable("quote_precision", ColumnType.INTEGER, "Decimals of the quote asset"
              + " (legacy name)"))
          .column(nullable("quote_asset_precision", ColumnType.INTEGER, "Decimals of the quote"
              + " asset"))
          .column(nullable("base_commission_precision", ColumnType.INTEGER, "Decimals of"
              + " commissions in the base asset"))
          .column(nullable("quote_commission_precision", ColumnType.INTEGER, "Decimals of"
              + " commissions in the quote asset"))
          .column(nullable("order_types", ColumnType.VARCHAR, "Allowed order types,"
              + " comma-separated"))
          .column(nullable("iceberg_allowed", ColumnType.BOOLEAN, "Iceberg orders allowed"))
          .column(nullable("oco_allowed", ColumnType.BOOLEAN, "OCO order lists allowed"))
          .column(nullable("oto_allowed", ColumnType.BOOLEAN, "OTO order lists allowed"))
          .column(nullable("opo_allowed", ColumnType.BOOLEAN, "OPO order lists allowed"))
          .column(nullable("quote_order_qty_market_allowed", ColumnType.BOOLEAN, "MARKET orders"
              + " by quote quantity allowed"))
          .column(nullable("allow_trailing_stop", ColumnType.BOOLEAN, "Trailing stops allowed"))
          .column(nullable("cancel_replace_allowed", ColumnType.BOOLEAN, "Cancel-replace"
              + " allowed"))
          .column(nullable("amend_allowed", ColumnType.BOOLEAN, "Amend keep-priority allowed"))
          .column(nullable("peg_instructions_allowed", ColumnType.BOOLEAN, "Pegged orders"
              + " allowed"))
          .column(nullable("is_spot_trading_allowed", ColumnType.BOOLEAN, "Spot trading"
              + " allowed"))
          .column(nullable("is_margin_trading_allowed", ColumnType.BOOLEAN, "Margin trading"
              + " allowed"))
          .column(nullable("permission_sets", ColumnType.VARCHAR, "Permission sets: commas"
              + " join alternatives (OR), semicolons join sets (AND)"))
          .column(nullable("default_self_trade_prevention_mode", ColumnType.VARCHAR, "Default"
              + " STP mode"))
          .column(nullable("allowed_self_trade_prevention_modes", ColumnType.VARCHAR, "Allowed"
              + " STP modes, comma-separated"))
          .column(new ColumnDef("permission", ColumnType.VARCHAR, true, Pushdown.OPTIONAL_KEY,
              "The permission asked for (SPOT, MARGIN, TRD_GRP_004, ...), sent as permissions;"
                  + " NULL when the query does not filter on it. Without it Binance lists the"
                  + " symbols having SPOT, MARGIN or LEVERAGED"))
          .primaryKey("symbol")
          .build();

  static final String[] SYMBOL_FIELDS = {
    "symbol", "symbol",
    "status", "status",
    "baseAsset", "base_asset",
    "baseAssetPrecision", "base_asset_precision",
    "quoteAsset", "quote_asset",
    "quotePrecision", "quote_precision",
    "quoteAssetPrecision", "quote_asset_precision",
    "baseCommissionPrecision", "base_commission_precision",
    "quoteCommissionPrecision", "quote_commission_precision",
    "orderTypes", "order_types",
    "icebergAllowed", "iceberg_allowed",
    "ocoAllowed", "oco_allowed",
    "otoAllowed", "oto_allowed",
    "opoAllowed", "opo_allowed",
    "quoteOrderQtyMarketAllowed", "quote_order_qty_market_allowed",
    "allowTrailingStop", "allow_trailing_stop",
    "cancelReplaceAllowed", "cancel_replace_allowed",
    "amendAllowed", "amend_allowed",
    "pegInstructionsAllowed", "peg_instructions_allowed",
    "isSpotTradingAllowed", "is_spot_trading_allowed",
    "isMarginTradingAllowed", "is_margin_trading_allowed",
    "permissionSets", "permission_sets",
    "defaultSelfTradePreventionMode", "default_self_trade_prevention_mode",
    "allowedSelfTradePreventionModes", "allowed_self_trade_prevention_modes",
  };

  static final TableDef FILTERS =
      TableDef.builder("symbol_filters", "GET /api/v3/exchangeInfo", "Trading rules (filters)"
              + " per symbol, one row per filter; a column is null where the filter lacks it")
          .column(optionalKey("symbol", "Trading pair, e.g. BTCUSDT"))
          .column(col("filter_type", ColumnType.VARCHAR, "PRICE_FILTER, LOT_SIZE, NOTIONAL, ..."))
          .column(nullable("min_price", ColumnType.DECIMAL, "PRICE_FILTER minimum price"))
          .column(nullable("max_price", ColumnType.DECIMAL, "PRICE_FILTER maximum price"))
          .column(nullable("tick_size", ColumnType.DECIMAL, "PRICE_FILTER price step"))
          .column(nullable("multiplier_up", ColumnType.DECIMAL, "PERCENT_PRICE upper multiplier"))
          .column(nullable("multiplier_down", ColumnType.DECIMAL, "PERCENT_PRICE lower"
              + " multiplier"))
          .column(nullable("avg_price_mins", ColumnType.INTEGER, "Minutes of the average price"
              + " the filter uses"))
          .column(nullable("bid_multiplier_up", ColumnType.DECIMAL, "PERCENT_PRICE_BY_SIDE"))
          .column(nullable("bid_multiplier_down", ColumnType.DECIMAL, "PERCENT_PRICE_BY_SIDE"))
          .column(nullable("ask_multiplier_up", ColumnType.DECIMAL, "PERCENT_PRICE_BY_SIDE"))
          .column(nullable("ask_multiplier_down", ColumnType.DECIMAL, "PERCENT_PRICE_BY_SIDE"))
          .column(nullable("min_qty", ColumnType.DECIMAL, "LOT_SIZE / MARKET_LOT_SIZE minimum"
              + " quantity"))
          .column(nullable("max_qty", ColumnType.DECIMAL, "LOT_SIZE / MARKET_LOT_SIZE maximum"
              + " quantity"))
          .column(nullable("step_size", ColumnType.DECIMAL, "LOT_SIZE / MARKET_LOT_SIZE"
              + " quantity step"))
          .column(nullable("min_notional", ColumnType.DECIMAL, "MIN_NOTIONAL / NOTIONAL minimum"
              + " price x quantity"))
          .column(nullable("apply_to_market", ColumnType.BOOLEAN, "MIN_NOTIONAL applies to"
              + " MARKET orders"))
          .column(nullable("apply_min_to_market", ColumnType.BOOLEAN, "NOTIONAL minimum applies"
              + " to MARKET orders"))
          .column(nullable("max_notional", ColumnType.DECIMAL, "NOTIONAL maximum price x"
              + " quantity"))
          .column(nullable("apply_max_to_market", ColumnType.BOOLEAN, "NOTIONAL maximum applies"
              + " to MARKET orders"))
          .column(nullable("iceberg_parts_limit", ColumnType.INTEGER, "ICEBERG_PARTS maximum"
              + " parts"))
          .column(nullable("max_num_orders", ColumnType.INTEGER, "MAX_NUM_ORDERS"))
          .column(nullable("max_num_algo_orders", ColumnType.INTEGER, "MAX_NUM_ALGO_ORDERS"))
          .column(nullable("max_num_iceberg_orders", ColumnType.INTEGER,
              "MAX_NUM_ICEBERG_ORDERS"))
          .column(nullable("max_num_order_amends", ColumnType.INTEGER, "MAX_NUM_ORDER_AMENDS"))
          .column(nullable("max_num_order_lists", ColumnType.INTEGER, "MAX_NUM_ORDER_LISTS"))
          .column(nullable("max_position", ColumnType.DECIMAL, "MAX_POSITION"))
          .column(nullable("min_trailing_above_delta", ColumnType.INTEGER, "TRAILING_DELTA"))
          .column(nullable("max_trailing_above_delta", ColumnType.INTEGER, "TRAILING_DELTA"))
          .column(nullable("min_trailing_below_delta", ColumnType.INTEGER, "TRAILING_DELTA"))
          .column(nullable("max_trailing_below_delta", ColumnType.INTEGER, "TRAILING_DELTA"))
          .primaryKey("symbol", "filter_type")
          .build();

  static final String[] FILTER_FIELDS = {
    "filterType", "filter_type",
    "minPrice", "min_price",
    "maxPrice", "max_price",
    "tickSize", "tick_size",
    "multiplierUp", "multiplier_up",
    "multiplierDown", "multiplier_down",
    "avgPriceMins", "avg_price_mins",
    "bidMultiplierUp", "bid_multiplier_up",
    "bidMultiplierDown", "bid_multiplier_down",
    "askMultiplierUp", "ask_multiplier_up",
    "askMultiplierDown", "ask_multiplier_down",
    "minQty", "min_qty",
    "maxQty", "max_qty",
    "stepSize", "step_size",
    "minNotional", "min_notional",
    "applyToMarket", "apply_to_market",
    "applyMinToMarket", "apply_min_to_market",
    "maxNotional", "max_notional",
    "applyMaxToMarket", "apply_max_to_market",
    "limit", "iceberg_parts_limit",
    "maxNumOrders", "max_num_orders",
    "maxNumAlgoOrders", "max_num_algo_orders",
    "maxNumIcebergOrders", "max_num_iceberg_orders",
    "maxNumOrderAmends", "max_num_order_amends",
    "maxNumOrderLists", "max_num_order_lists",
    "maxPosition", "max_position",
    "minTrailingAboveDelta", "min_trailing_above_delta",
    "maxTrailingAboveDelta", "max_trailing_above_delta",
    "minTrailingBelowDelta", "min_trailing_below_delta",
    "maxTrailingBelowDelta", "max_trailing_below_delta",
  };

  static final TableDef RATE_LIMITS =
      TableDef.builder("rate_limits", "GET /api/v3/exchangeInfo", "The API's rate limits")
          .column(col("rate_limit_type", ColumnType.VARCHAR, "REQUEST_WEIGHT, ORDERS or"
              + " RAW_REQUESTS"))
          .column(col("interval_unit", ColumnType.VARCHAR, "SECOND, MINUTE, HOUR or DAY"))
          .column(col("interval_num", ColumnType.INTEGER, "Number of interval units"))
          .column(col("limit_value", ColumnType.INTEGER, "The limit per interval"))
          .primaryKey("rate_limit_type", "interval_unit", "interval_num")
          .build();

  static final String[] RATE_LIMIT_FIELDS = {
    "rateLimitType", "rate_limit_type",
    "interval", "interval_unit",
    "intervalNum", "interval_num",
    "limit", "limit_value",
  };

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
  static final java.util.Set<String> FILTERABLE_STATUSES = java.util.Set.of("TRADING", "HALT",
      "BREAK");

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
          streams.add(RowStream.once(() -> {
            List<Object[]> out = new ArrayList<>();
            for (Object[] r : rows.apply(info(List.of(Param.of("permissions", permission))))) {
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
          streams.add(RowStream.once(
              () -> rows.apply(info(List.of(Param.of("symbolStatus", status))))));
        }
        return streams;
      }
      return List.of(RowStream.once(() -> rows.apply(ctx.exchangeInfo().get())));
    }

    /**
     * One {@code exchangeInfo} (weight 20) unless the whole answer is cached now; per permission
     * or status one each; a symbol list is one request, or the whole answer when it is long.
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
        return plan.atMost(1, "GET", path, symbols.size() == 1 ? "symbol=" + symbols.get(0)
                : "symbols=" + TickerTable.symbolList(symbols), w)
            .note("a part already cached is not asked again");
      }
      if (whole) {
        return plan.note("none: exchangeInfo is cached");
      }
      if (symbols == null && statuses != null && statuses.stream()
          .allMatch(v -> FILTERABLE_STATUSES.contains(v.text()))) {
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
      return whole != null && params.get(0).name().equals("symbolStatus") ? whole
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
      Param p = symbols.size() == 1 ? Param.of("symbol", symbols.get(0))
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
