-- The account valued in USDT: each balance times its USDT price (USDT itself at 1).
SELECT b.asset,
       b.total_qty,
       COALESCE(p.price, 1) AS usdt_price,
       CAST(b.total_qty * COALESCE(p.price, 1) AS DECIMAL(20, 2)) AS usdt_value
FROM account_balances b
LEFT JOIN ticker_price p ON p.symbol = b.asset || 'USDT'
WHERE b.total_qty > 0 AND (p.symbol IS NOT NULL OR b.asset = 'USDT')
ORDER BY usdt_value DESC;
