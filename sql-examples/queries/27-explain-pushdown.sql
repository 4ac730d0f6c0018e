-- EXPLAIN shows what the driver pushed, and the requests it will send with their weight,
-- without sending any.
EXPLAIN PLAN FOR
SELECT open_time, close_price
FROM klines
WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2025-06-01 00:00:00'
ORDER BY open_time DESC
LIMIT 24;
