-- Trade flow over the last hour before market time: taker-buy against taker-sell volume from
-- aggregate trades (a buyer-maker trade is a taker sell). The time range becomes startTime/endTime.
SELECT CASE WHEN is_buyer_maker THEN 'taker sell' ELSE 'taker buy' END AS flow,
       COUNT(*) AS agg_trades,
       SUM(qty) AS base_volume,
       CAST(SUM(price * qty) AS DECIMAL(20, 2)) AS quote_volume
FROM agg_trades
WHERE symbol = 'BTCUSDT'
  AND trade_time >= TIMESTAMP '2025-06-29 23:00:00'
  AND trade_time < TIMESTAMP '2025-06-30 00:00:00'
GROUP BY is_buyer_maker
ORDER BY flow;
