-- Rolling-window statistics over 1 hour, 4 hours and 1 day: one request per window size.
SELECT symbol, window_size, open_price, last_price, price_change_percent, trade_count
FROM rolling_ticker
WHERE symbol = 'BTCUSDT' AND window_size IN ('1h', '4h', '1d')
ORDER BY window_size;
