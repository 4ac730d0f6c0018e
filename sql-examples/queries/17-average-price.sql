-- The exchange's current average price (used by percent-price filters), per symbol.
SELECT symbol, mins, price
FROM avg_price
WHERE symbol IN ('BTCUSDT', 'ETHBTC')
ORDER BY symbol;
