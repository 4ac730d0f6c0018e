-- Joins carry keys: klines and tickers take their symbols from the symbols table, and my_trades
-- takes each order's id from orders. The outer rows are read first and their values pushed into
-- the inner table's requests (one klines stream per symbol, one ticker/24hr?symbols=[...] request,
-- myTrades?orderId= per order), as EXPLAIN shows (BinanceLookupJoin).
SELECT s.symbol, COUNT(*) AS bars, MAX(k.high_price) AS high
FROM symbols s JOIN klines k ON k.symbol = s.symbol
WHERE s.quote_asset = 'USDT' AND k.timeframe = '1d'
  AND k.open_time >= TIMESTAMP '2025-06-25 00:00:00' AND k.open_time < TIMESTAMP '2025-06-30 00:00:00'
GROUP BY s.symbol
ORDER BY s.symbol;
SELECT t.symbol, t.last_price
FROM ticker_24hr t JOIN symbols s ON t.symbol = s.symbol
WHERE s.quote_asset = 'USDT'
ORDER BY t.symbol;
SELECT o.client_order_id, o.side, o.status, t.qty, t.commission_asset
FROM orders o JOIN my_trades t ON t.order_id = o.order_id AND t.symbol = o.symbol
WHERE o.symbol = 'ETHUSDT'
ORDER BY t.trade_id;
