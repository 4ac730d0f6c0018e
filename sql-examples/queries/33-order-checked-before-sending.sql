-- An order that breaks the symbol's quantity step is refused before anything is sent, with the
-- nearest valid quantities.
CALL place_order(symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT',
                 quantity => 0.0012345, price => 50000, time_in_force => 'GTC');
