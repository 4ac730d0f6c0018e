-- Place a limit buy far below the market (it rests on the book), then see it among the open orders.
-- (The same call works as CALL place_order(...) or through prepareCall("{call place_order(?, ...)}").)
SELECT order_id, client_order_id, side, order_type, price, orig_qty, status, outcome
FROM TABLE(place_order(symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.01,
                       price => 50000, time_in_force => 'GTC',
                       new_client_order_id => 'example-bid-1'));
SELECT symbol, client_order_id, side, order_type, price, orig_qty, executed_qty, status
FROM open_orders
WHERE symbol = 'BTCUSDT';
