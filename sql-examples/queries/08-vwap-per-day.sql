-- Volume-weighted average price per day, from hourly candles: quote volume / base volume.
SELECT FLOOR(open_time TO DAY) AS day_start,
       CAST(SUM(quote_volume) / SUM(volume) AS DECIMAL(20, 4)) AS vwap,
       SUM(volume) AS volume,
       SUM(trade_count) AS trades
FROM klines
WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2025-06-25 00:00:00'
GROUP BY FLOOR(open_time TO DAY)
ORDER BY day_start;
