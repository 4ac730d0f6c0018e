-- Individual trades from a point in time: one aggTrades lookup finds the first trade id, then
-- historicalTrades pages from it.
SELECT trade_id, trade_time, price, qty
FROM trades
WHERE symbol = 'ETHBTC' AND trade_time >= TIMESTAMP '2025-06-29 12:00:00'
ORDER BY trade_id
LIMIT 5;
