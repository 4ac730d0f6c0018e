-- The hourly candles of one day: the time range becomes startTime/endTime.
SELECT open_time, open_price, close_price, trade_count
FROM klines
WHERE symbol = 'ETHUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2025-06-28 00:00:00'
  AND open_time < TIMESTAMP '2025-06-29 00:00:00'
ORDER BY open_time;
