-- Weekly candles Binance computes (1w, weeks start on Monday) next to the same weeks rebuilt from
-- daily candles with aggregates: they agree.
SELECT w.open_time, w.high_price, d.high_from_days, w.low_price, d.low_from_days, w.volume,
       d.volume_from_days
FROM klines w
JOIN (SELECT open_time - MOD(EXTRACT(DOW FROM open_time) + 5, 7) * INTERVAL '1' DAY AS week_start,
             MAX(high_price) AS high_from_days,
             MIN(low_price) AS low_from_days,
             SUM(volume) AS volume_from_days
      FROM klines
      WHERE symbol = 'ETHUSDT' AND timeframe = '1d'
        AND open_time >= TIMESTAMP '2025-06-02 00:00:00'
        AND open_time < TIMESTAMP '2025-06-30 00:00:00'
      GROUP BY open_time - MOD(EXTRACT(DOW FROM open_time) + 5, 7) * INTERVAL '1' DAY) d
  ON d.week_start = w.open_time
WHERE w.symbol = 'ETHUSDT' AND w.timeframe = '1w'
  AND w.open_time >= TIMESTAMP '2025-06-02 00:00:00'
  AND w.open_time < TIMESTAMP '2025-06-30 00:00:00'
ORDER BY w.open_time;
