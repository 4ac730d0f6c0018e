-- Cancel the resting order by its client order id, then find it as CANCELED among all orders.
SELECT order_id, orig_client_order_id, client_order_id, status, outcome
FROM TABLE(cancel_order(symbol => 'BTCUSDT', orig_client_order_id => 'example-bid-1',
                        new_client_order_id => 'example-cancel-1'));
SELECT client_order_id, price, orig_qty, status
FROM orders
WHERE symbol = 'BTCUSDT' AND client_order_id = 'example-bid-1';
