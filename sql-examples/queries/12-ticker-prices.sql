-- Latest prices of two symbols: one request with symbols=["BTCUSDT","ETHUSDT"].
SELECT symbol, price
FROM ticker_price
WHERE symbol IN ('BTCUSDT', 'ETHUSDT')
ORDER BY symbol;
