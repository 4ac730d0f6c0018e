-- Order-book imbalance within the top 50 levels: bid quantity against ask quantity.
SELECT symbol,
       SUM(CASE WHEN side = 'BID' THEN qty ELSE 0 END) AS bid_qty,
       SUM(CASE WHEN side = 'ASK' THEN qty ELSE 0 END) AS ask_qty,
       CAST(SUM(CASE WHEN side = 'BID' THEN qty ELSE -qty END)
            / SUM(qty) AS DECIMAL(10, 4)) AS imbalance
FROM order_book
WHERE symbol IN ('BTCUSDT', 'ETHUSDT') AND level <= 50
GROUP BY symbol
ORDER BY symbol;
