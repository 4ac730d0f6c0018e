-- Cumulative depth of the first 20 levels per side, a window function over the book.
SELECT side, level, price, qty,
       SUM(qty) OVER (PARTITION BY side ORDER BY level) AS cumulative_qty
FROM order_book
WHERE symbol = 'ETHUSDT' AND level <= 20
ORDER BY side DESC, level
LIMIT 12;
