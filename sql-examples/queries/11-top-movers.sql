-- Top movers of the last 24 hours among USDT pairs: ticker_24hr joined with symbols.
SELECT t.symbol, t.last_price, t.price_change_percent, t.quote_volume
FROM ticker_24hr t
JOIN symbols s ON s.symbol = t.symbol
WHERE s.quote_asset = 'USDT' AND s.status = 'TRADING'
ORDER BY t.price_change_percent DESC;
