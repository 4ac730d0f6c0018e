package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.market.Units.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.market.GivenMarket;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Errors;
import io.github.binancejdbc.simulator.trading.OrderValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/v3/exchangeInfo}: rate limits, symbols with their filters, SOR groups. */
record ExchangeInfoApi(
    Market market,
    GivenMarket given,
    int weightLimit,
    int rawLimit,
    int ordersPer10s,
    int ordersPerDay) {
  static final List<String> ORDER_TYPES =
      List.of(
          "LIMIT",
          "LIMIT_MAKER",
          "MARKET",
          "STOP_LOSS",
          "STOP_LOSS_LIMIT",
          "TAKE_PROFIT",
          "TAKE_PROFIT_LIMIT");
  static final List<String> STP_MODES =
      List.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT");
  private static final Set<String> PERMISSIONS = Set.of("SPOT", "MARGIN", "LEVERAGED");

  JsonNode exchangeInfo(Endpoint.Call c) {
    Params p = c.params();
    boolean bySymbol = p.has("symbol") || p.has("symbols");
    if ((p.has("symbol") && p.has("symbols"))
        || (bySymbol && (p.has("permissions") || p.has("symbolStatus")))) {
      throw Errors.badCombination();
    }
    String status =
        p.optEnum(
            "symbolStatus",
            MarketParams.SYMBOL_STATUSES,
            ApiException.bad(-1122, "Invalid symbolStatus."));
    Boolean showSets = p.optBoolean("showPermissionSets");
    List<SymbolSpec> symbols;
    if (p.has("symbol")) {
      symbols = List.of(MarketParams.symbol(p, market));
    } else if (p.has("symbols")) {
      symbols = MarketParams.symbols(p, market);
    } else {
      Set<String> wanted = permissions(p.get("permissions"));
      symbols = new ArrayList<>();
      for (SymbolSpec s : market.specs()) {
        boolean permitted = permissionSet(s).stream().anyMatch(wanted::contains);
        if (permitted && (status == null || status.equals(s.status()))) {
          symbols.add(s);
        }
      }
    }
    ObjectNode n = JsonNodes.obj();
    n.put("timezone", "UTC");
    n.put("serverTime", c.serverTime());
    ArrayNode limits = n.putArray("rateLimits");
    rateLimit(limits, "REQUEST_WEIGHT", "MINUTE", 1, weightLimit);
    rateLimit(limits, "ORDERS", "SECOND", 10, ordersPer10s);
    rateLimit(limits, "ORDERS", "DAY", 1, ordersPerDay);
    rateLimit(limits, "RAW_REQUESTS", "MINUTE", 5, rawLimit);
    n.putArray("exchangeFilters");
    ArrayNode arr = n.putArray("symbols");
    for (SymbolSpec s : symbols) {
      JsonNode info = given != null ? given.symbolInfo(s.symbol()) : null;
      arr.add(info != null ? info.deepCopy() : symbol(s, showSets == null || showSets));
    }
    Map<String, List<String>> sors = new LinkedHashMap<>();
    for (SymbolSpec s : market.specs()) {
      if (OrderValidation.sorAllowed(s)) {
        sors.computeIfAbsent(s.baseAsset(), k -> new ArrayList<>()).add(s.symbol());
      }
    }
    ArrayNode sorArr = n.putArray("sors");
    sors.forEach(
        (base, list) -> {
          ObjectNode g = sorArr.addObject();
          g.put("baseAsset", base);
          ArrayNode syms = g.putArray("symbols");
          list.forEach(syms::add);
        });
    return n;
  }

  private static Set<String> permissions(String raw) {
    if (raw == null) {
      return PERMISSIONS;
    }
    String r = raw.trim();
    if (r.startsWith("[")) {
      if (!r.matches("\\[(\"[A-Z0-9_]+\"(,\"[A-Z0-9_]+\")*)?\\]")) {
        throw ApiException.bad(-1135, "JSON sent for parameter 'permissions' is not valid");
      }
      return Set.of(r.substring(1, r.length() - 1).replace("\"", "").split(","));
    }
    return Set.of(r);
  }

  private static void rateLimit(ArrayNode a, String type, String interval, int num, int limit) {
    ObjectNode n = a.addObject();
    n.put("rateLimitType", type);
    n.put("interval", interval);
    n.put("intervalNum", num);
    n.put("limit", limit);
  }

  private static List<String> permissionSet(SymbolSpec s) {
    return s.trading() ? List.of("SPOT", "MARGIN") : List.of("SPOT");
  }

  private static ObjectNode symbol(SymbolSpec s, boolean showSets) {
    ObjectNode n = JsonNodes.obj();
    n.put("symbol", s.symbol());
    n.put("status", s.status());
    n.put("baseAsset", s.baseAsset());
    n.put("baseAssetPrecision", 8);
    n.put("quoteAsset", s.quoteAsset());
    n.put("quotePrecision", 8);
    n.put("quoteAssetPrecision", 8);
    n.put("baseCommissionPrecision", 8);
    n.put("quoteCommissionPrecision", 8);
    ArrayNode types = n.putArray("orderTypes");
    ORDER_TYPES.forEach(types::add);
    n.put("icebergAllowed", true);
    n.put("ocoAllowed", true);
    n.put("otoAllowed", true);
    n.put("opoAllowed", true);
    n.put("quoteOrderQtyMarketAllowed", true);
    n.put("allowTrailingStop", true);
    n.put("cancelReplaceAllowed", true);
    n.put("amendAllowed", true);
    n.put("pegInstructionsAllowed", false);
    n.put("isSpotTradingAllowed", true);
    n.put("isMarginTradingAllowed", s.trading());
    n.set("filters", filters(s));
    n.putArray("permissions");
    ArrayNode sets = n.putArray("permissionSets");
    if (showSets) {
      ArrayNode set = sets.addArray();
      permissionSet(s).forEach(set::add);
    }
    n.put("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
    ArrayNode modes = n.putArray("allowedSelfTradePreventionModes");
    STP_MODES.forEach(modes::add);
    return n;
  }

  /** The symbol's filters, as exchangeInfo and myFilters list them. */
  static ArrayNode filters(SymbolSpec s) {
    ArrayNode f = JsonNodes.arr();
    ObjectNode price = f.addObject();
    price.put("filterType", "PRICE_FILTER");
    price.put("minPrice", format(s.tickUnits()));
    price.put("maxPrice", format(s.maxPriceUnits()));
    price.put("tickSize", format(s.tickUnits()));
    ObjectNode lot = f.addObject();
    lot.put("filterType", "LOT_SIZE");
    lot.put("minQty", format(s.stepUnits()));
    lot.put("maxQty", format(s.maxQtyUnits()));
    lot.put("stepSize", format(s.stepUnits()));
    ObjectNode iceberg = f.addObject();
    iceberg.put("filterType", "ICEBERG_PARTS");
    iceberg.put("limit", OrderValidation.ICEBERG_PARTS);
    ObjectNode market = f.addObject();
    market.put("filterType", "MARKET_LOT_SIZE");
    market.put("minQty", format(0));
    market.put("maxQty", format(s.marketMaxQtyUnits()));
    market.put("stepSize", format(0));
    ObjectNode trailing = f.addObject();
    trailing.put("filterType", "TRAILING_DELTA");
    trailing.put("minTrailingAboveDelta", OrderValidation.MIN_TRAILING_DELTA);
    trailing.put("maxTrailingAboveDelta", OrderValidation.MAX_TRAILING_DELTA);
    trailing.put("minTrailingBelowDelta", OrderValidation.MIN_TRAILING_DELTA);
    trailing.put("maxTrailingBelowDelta", OrderValidation.MAX_TRAILING_DELTA);
    ObjectNode percent = f.addObject();
    percent.put("filterType", "PERCENT_PRICE_BY_SIDE");
    percent.put("bidMultiplierUp", "5");
    percent.put("bidMultiplierDown", "0.2");
    percent.put("askMultiplierUp", "5");
    percent.put("askMultiplierDown", "0.2");
    percent.put("avgPriceMins", 5);
    ObjectNode notional = f.addObject();
    notional.put("filterType", "NOTIONAL");
    notional.put("minNotional", format(s.minNotionalUnits()));
    notional.put("applyMinToMarket", true);
    notional.put("maxNotional", format(s.maxNotionalUnits()));
    notional.put("applyMaxToMarket", false);
    notional.put("avgPriceMins", 5);
    addCountFilter(f, "MAX_NUM_ORDERS", "maxNumOrders", OrderValidation.MAX_NUM_ORDERS);
    addCountFilter(
        f, "MAX_NUM_ORDER_LISTS", "maxNumOrderLists", OrderValidation.MAX_NUM_ORDER_LISTS);
    addCountFilter(
        f, "MAX_NUM_ALGO_ORDERS", "maxNumAlgoOrders", OrderValidation.MAX_NUM_ALGO_ORDERS);
    addCountFilter(
        f, "MAX_NUM_ORDER_AMENDS", "maxNumOrderAmends", OrderValidation.MAX_NUM_ORDER_AMENDS);
    return f;
  }

  /** A filter that caps a count: its type and the one field that holds the cap. */
  private static void addCountFilter(ArrayNode f, String filterType, String field, int max) {
    ObjectNode n = f.addObject();
    n.put("filterType", filterType);
    n.put(field, max);
  }
}
