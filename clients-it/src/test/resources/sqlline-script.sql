!tables
!columns klines
!primarykeys klines
!importedkeys klines
!procedures
SELECT open_time, open_price, close_price, trade_count
FROM klines
WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-01-02 00:00:00'
  AND open_time < TIMESTAMP '2024-01-02 03:00:00';
SELECT side, level, price, qty FROM order_book WHERE symbol = 'BTCUSDT' AND level <= 5 AND side = 'ASK';
CALL test_order(symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.001, price => 100000, time_in_force => 'GTC');
!call {call test_order('ETHUSDT', 'SELL', 'MARKET', 0.5)}
