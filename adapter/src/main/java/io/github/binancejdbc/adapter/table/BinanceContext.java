package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.client.BinanceHttp;

/** What the tables of one connection share: settings, the transport and the exchange-info cache. */
public final class BinanceContext implements AutoCloseable {
  private final BinanceConfig config;
  private final BinanceHttp http;
  private final ExchangeInfoCache exchangeInfo;

  public BinanceContext(BinanceConfig config, BinanceHttp http) {
    this.config = requireNonNull(config, "config is null");
    this.http = requireNonNull(http, "http is null");
    this.exchangeInfo = new ExchangeInfoCache(this);
  }

  public BinanceConfig config() {
    return config;
  }

  public BinanceHttp http() {
    return http;
  }

  public ExchangeInfoCache exchangeInfo() {
    return exchangeInfo;
  }

  @Override
  public void close() {
    exchangeInfo.invalidate();
    http.close();
  }
}
