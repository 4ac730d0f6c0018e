-- The last seven daily candles of BTCUSDT: ORDER BY open_time DESC LIMIT 7 is one request
-- (klines?symbol=BTCUSDT&interval=1d&limit=7).
SELECT open_time, open_price, high_price, low_price, close_price, volume
FROM klines
WHERE symbol = 'BTCUSDT' AND timeframe = '1d'
ORDER BY open_time DESC
LIMIT 7;
