-- Statistics of the current trading day in UTC and in UTC+8.
SELECT symbol, time_zone, open_time, open_price, last_price, volume
FROM trading_day_ticker
WHERE symbol = 'ETHUSDT' AND time_zone IN ('0', '8')
ORDER BY time_zone;
