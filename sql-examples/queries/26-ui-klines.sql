-- Candles as Binance modifies them for charts (uiKlines), same columns as klines.
SELECT open_time, open_price, close_price
FROM ui_klines
WHERE symbol = 'BTCUSDT' AND timeframe = '4h'
ORDER BY open_time DESC
LIMIT 3;
