package io.github.binancejdbc.simulator.market;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The static description of one simulated symbol: its assets, trading rules (the exchangeInfo
 * filters) and the parameters of its generated history. All amounts are in {@link Units}.
 *
 * @param status {@code TRADING} or {@code HALT}
 * @param listingMs first trade time (minute-aligned)
 * @param haltMs for {@code HALT}: when trading stopped (minute-aligned); else {@code
 *     Long.MAX_VALUE}
 * @param tickUnits {@code PRICE_FILTER.tickSize}
 * @param stepUnits {@code LOT_SIZE.stepSize} (and minQty)
 * @param tapeLotUnits granularity of generated trade quantities: a multiple of the step such that
 *     price * quantity of every generated trade is exact at 8 decimals
 * @param dailyVolatility standard deviation of the daily log return of the generated path
 * @param tradesPerMinute mean number of generated trades per minute
 * @param quotePerMinute mean traded quote volume per minute (in quote asset)
 * @param levelNotional mean notional of one generated order-book level (in quote asset)
 * @param waypoints prices the generated path passes through (the first at listing)
 */
public record SymbolSpec(
    String symbol,
    String baseAsset,
    String quoteAsset,
    String status,
    long listingMs,
    long haltMs,
    long tickUnits,
    long maxPriceUnits,
    long stepUnits,
    long maxQtyUnits,
    long marketMaxQtyUnits,
    long tapeLotUnits,
    long minNotionalUnits,
    long maxNotionalUnits,
    double dailyVolatility,
    double tradesPerMinute,
    double quotePerMinute,
    double levelNotional,
    List<Waypoint> waypoints) {

  /** A price the generated history passes through. */
  public record Waypoint(long epochMs, double price) {
    public static Waypoint at(String isoInstant, double price) {
      return new Waypoint(Instant.parse(isoInstant).toEpochMilli(), price);
    }
  }

  public SymbolSpec {
    requireNonNull(symbol, "symbol is null");
    waypoints = List.copyOf(waypoints);
    if (listingMs % 60_000 != 0) {
      throw new IllegalArgumentException("listing must be minute-aligned: " + symbol);
    }
    if ((tickUnits * tapeLotUnits) % Units.ONE != 0) {
      throw new IllegalArgumentException(
          "tick * tape lot must be a multiple of 1e-8 for exact trade notionals: " + symbol);
    }
    if (tapeLotUnits % stepUnits != 0) {
      throw new IllegalArgumentException("tape lot must be a multiple of the step: " + symbol);
    }
    if (waypoints.isEmpty()) {
      throw new IllegalArgumentException("at least one waypoint: " + symbol);
    }
  }

  public boolean trading() {
    return "TRADING".equals(status);
  }

  /** Notional, in quote units, of one tick times one tape lot. */
  long quotePerTickLot() {
    return tickUnits * tapeLotUnits / Units.ONE;
  }
}
