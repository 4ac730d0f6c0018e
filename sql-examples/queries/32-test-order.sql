-- Validate an order without placing it (always allowed, even on a read-only connection), with the
-- commission rates it would pay. CALL works like SELECT * FROM TABLE(...).
CALL test_order(symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.01,
                price => 50000, time_in_force => 'GTC', compute_commission_rates => TRUE);
