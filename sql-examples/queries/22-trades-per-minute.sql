-- Aggregate trades per minute over ten minutes, with the minute's first and last trade price.
SELECT FLOOR(trade_time TO MINUTE) AS minute_start,
       COUNT(*) AS agg_trades,
       SUM(last_trade_id - first_trade_id + 1) AS trades,
       MIN(price) AS low_price,
       MAX(price) AS high_price
FROM agg_trades
WHERE symbol = 'ETHUSDT'
  AND trade_time >= TIMESTAMP '2025-06-29 23:50:00'
  AND trade_time < TIMESTAMP '2025-06-30 00:00:00'
GROUP BY FLOOR(trade_time TO MINUTE)
ORDER BY minute_start;
