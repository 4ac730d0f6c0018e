-- 7-day and 30-day simple moving averages of the close, over the 30 days before 2025-06-30.
SELECT open_time,
       close_price,
       CAST(AVG(close_price) OVER (ORDER BY open_time ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
            AS DECIMAL(20, 2)) AS sma_7,
       CAST(AVG(close_price) OVER (ORDER BY open_time ROWS BETWEEN 29 PRECEDING AND CURRENT ROW)
            AS DECIMAL(20, 2)) AS sma_30
FROM klines
WHERE symbol = 'BTCUSDT' AND timeframe = '1d'
  AND open_time >= TIMESTAMP '2025-05-01 00:00:00'
ORDER BY open_time DESC
LIMIT 10;
