-- A market buy fills against the book; my_trades shows each fill with its commission.
SELECT side, order_type, status, executed_qty, outcome
FROM TABLE(place_order(symbol => 'ETHUSDT', side => 'BUY', order_type => 'MARKET',
                       quantity => 0.5, new_client_order_id => 'example-market-1'));
SELECT COUNT(*) AS fills, SUM(qty) AS qty, CAST(SUM(quote_qty) / SUM(qty) AS DECIMAL(20, 2))
         AS avg_price, SUM(commission) AS commission, MIN(commission_asset) AS commission_asset
FROM my_trades
WHERE symbol = 'ETHUSDT';
