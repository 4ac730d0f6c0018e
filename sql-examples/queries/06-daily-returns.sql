-- Daily returns in percent, with a window function over the daily closes of June 2025.
SELECT open_time,
       close_price,
       CAST((close_price / LAG(close_price) OVER (ORDER BY open_time) - 1) * 100
            AS DECIMAL(10, 3)) AS return_pct
FROM klines
WHERE symbol = 'BTCUSDT' AND timeframe = '1d'
  AND open_time >= TIMESTAMP '2025-06-01 00:00:00'
ORDER BY open_time;
