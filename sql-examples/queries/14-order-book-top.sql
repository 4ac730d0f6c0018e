-- The five best levels of each side: level <= 5 asks depth for limit=5 (weight 5, not 250).
SELECT side, level, price, qty
FROM order_book
WHERE symbol = 'BTCUSDT' AND level <= 5
ORDER BY side DESC, level;
