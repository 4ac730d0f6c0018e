-- Monthly candles of 2025 and the month's range (high - low) as a share of its open.
SELECT open_time,
       open_price,
       close_price,
       CAST((high_price - low_price) / open_price * 100 AS DECIMAL(10, 2)) AS range_pct
FROM klines
WHERE symbol = 'BNBUSDT' AND timeframe = '1M'
  AND open_time >= TIMESTAMP '2025-01-01 00:00:00'
ORDER BY open_time;
