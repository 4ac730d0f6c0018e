-- The largest aggregate trades of the last half hour by quote value.
SELECT agg_trade_id, trade_time, price, qty, CAST(price * qty AS DECIMAL(20, 2)) AS quote_value
FROM agg_trades
WHERE symbol = 'BNBUSDT'
  AND trade_time >= TIMESTAMP '2025-06-29 23:30:00'
  AND trade_time < TIMESTAMP '2025-06-30 00:00:00'
ORDER BY price * qty DESC, agg_trade_id
LIMIT 5;
