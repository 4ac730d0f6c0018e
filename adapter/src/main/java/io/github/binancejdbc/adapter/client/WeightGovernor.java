package io.github.binancejdbc.adapter.client;

/** PLACEHOLDER until the transport branch lands. */
public final class WeightGovernor {
  public void setLimit(String rateLimitType, String interval, int intervalNum, int limit) {}
}
