-- The differential corpus: every query runs on the driver (against the fixture exchange) and on H2
-- (holding the same data), and the results must be equal.
--
-- An entry starts with "-- @name <name>"; the SQL follows (a trailing ';' is dropped). Directives:
--   -- @ordered              compare rows in order (the ORDER BY must be total)
--   -- @columns 1,3          compare only these columns (in order): for an ORDER BY that is not total
--   -- @unordered-limit      LIMIT without a total ORDER BY: same row count, and every driver row
--                           must be in H2's answer to the query without its trailing LIMIT/OFFSET
--   -- @tolerance 0.000001   numbers may differ by this much (AVG: the scale is implementation-defined)
--   -- @empty-ok             H2 may answer no rows (otherwise an empty answer is a corpus mistake)
--   -- @requests PATH=N      the driver's execution sends exactly N requests to PATH (* = all paths)
--   -- @param TYPE VALUE     a PreparedStatement parameter: str, int, long, dec, ts (setTimestamp of
--                           Timestamp.valueOf, i.e. the JVM zone's wall clock), ldt (setObject of a
--                           LocalDateTime), tsutc (setTimestamp of the UTC instant with a UTC Calendar)
-- Plain "--" lines are comments.
--
-- Data (FixtureData): symbols BTCUSDT ETHUSDT BNBUSDT ETHBTC (XYZUSDT: HALT, exchangeInfo only);
-- klines 1m 2024-01-01..01-02 (2880), 1h 2024-01-01..03-31 (2184), 1d 2023-01-01..2024-03-31 (456);
-- the 1000th 1h bar from Jan 1 opens 2024-02-11 15:00. Trades 3000 per symbol on 2024-03-31
-- 14:00..23:58 (ids BTCUSDT 3300000000.., ETHUSDT 1350000000.., BNBUSDT 720000000..,
-- ETHBTC 440000000..); aggregates ~1800 per symbol (ids BTCUSDT 2900000000.., ETHUSDT
-- 1020000000.., BNBUSDT 630000000.., ETHBTC 380000000..). Order books: 200 levels per side.

-- ============================== klines: keys, ranges, paging ==============================

-- @name klines 1d whole history is one request
-- @requests /api/v3/klines=1
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d';

-- @name klines 1h whole history pages by 1000 (3 requests)
-- @requests /api/v3/klines=3
SELECT * FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1h';

-- @name klines 1h Jan-Feb 2024 half-open range = 1440 rows in exactly 2 requests
-- @requests /api/v3/klines=2
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-01-01 00:00:00' AND open_time < TIMESTAMP '2024-03-01 00:00:00';

-- @name klines exactly 1000 rows, inclusive upper bound on the page boundary
-- @requests /api/v3/klines=1
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-01-01 00:00:00' AND open_time <= TIMESTAMP '2024-02-11 15:00:00';

-- @name klines exactly 1000 rows, strict upper bound just after the page boundary
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-01-01 00:00:00' AND open_time < TIMESTAMP '2024-02-11 16:00:00';

-- @name klines 1001 rows, one past the page boundary
-- @requests /api/v3/klines=2
SELECT * FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1h'
  AND open_time BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-02-11 16:00:00';

-- @name klines strict lower bound on the page boundary
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time > TIMESTAMP '2024-02-11 15:00:00' AND open_time <= TIMESTAMP '2024-02-11 20:00:00';

-- @name klines strict bounds between bar opens
SELECT * FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1h'
  AND open_time > TIMESTAMP '2024-03-03 10:30:00' AND open_time < TIMESTAMP '2024-03-03 14:30:00';

-- @name klines millisecond bounds next to an open time
SELECT * FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1m'
  AND open_time >= TIMESTAMP '2024-01-01 10:00:00.001' AND open_time <= TIMESTAMP '2024-01-01 10:05:00.000';

-- @name klines BETWEEN
SELECT open_time, close_price FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1h'
  AND open_time BETWEEN TIMESTAMP '2024-02-11 14:00:00' AND TIMESTAMP '2024-02-11 17:00:00';

-- @name klines 1m half-open range across three pages
-- @requests /api/v3/klines=3
SELECT * FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1m'
  AND open_time >= TIMESTAMP '2024-01-01 10:00:00' AND open_time < TIMESTAMP '2024-01-02 20:00:00';

-- @name klines lower bound only
SELECT * FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-03-20 00:00:00';

-- @name klines upper bound only
SELECT * FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1d'
  AND open_time < TIMESTAMP '2023-02-01 00:00:00';

-- @name klines equality on open_time
-- @requests /api/v3/klines=1
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time = TIMESTAMP '2024-02-29 12:00:00';

-- @name klines IN list of symbols
SELECT * FROM klines WHERE symbol IN ('BTCUSDT', 'ETHUSDT', 'ETHBTC') AND timeframe = '1d'
  AND open_time >= TIMESTAMP '2024-03-01 00:00:00';

-- @name klines OR of symbol equalities
SELECT symbol, open_time, close_price FROM klines
  WHERE (symbol = 'BNBUSDT' OR symbol = 'ETHBTC') AND timeframe = '1h'
  AND open_time < TIMESTAMP '2024-01-03 00:00:00';

-- @name klines IN list of timeframes
SELECT timeframe, open_time, open_price, close_price FROM klines
  WHERE symbol = 'BTCUSDT' AND timeframe IN ('1h', '1d') AND open_time >= TIMESTAMP '2024-03-30 00:00:00';

-- @name klines IN list of open times (span pushed, list kept as filter)
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time IN (TIMESTAMP '2024-01-05 00:00:00', TIMESTAMP '2024-02-10 12:00:00', TIMESTAMP '2024-03-31 23:00:00');

-- @name klines OR of disjoint open_time ranges
SELECT open_time, close_price FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1h'
  AND (open_time < TIMESTAMP '2024-01-02 00:00:00' OR open_time >= TIMESTAMP '2024-03-31 00:00:00');

-- @name klines range on a non-pushed time column (close_time)
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND close_time < TIMESTAMP '2024-01-01 05:00:00';

-- @name klines predicate on a non-pushed column (close_price > x)
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time < TIMESTAMP '2024-03-01 00:00:00' AND close_price > 40000;

-- @name klines column-to-column predicate
SELECT open_time, open_price, close_price FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1d'
  AND close_price > open_price;

-- @name klines NOT on a non-key column
SELECT open_time, open_price, close_price FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1d'
  AND NOT (close_price > open_price) AND open_time >= TIMESTAMP '2023-06-01 00:00:00';

-- @name klines NOT IN on a non-key expression
SELECT open_time, volume FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-03-25 00:00:00' AND EXTRACT(HOUR FROM open_time) NOT IN (0, 6, 12, 18);

-- @name klines NOT BETWEEN on a non-key column
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d'
  AND close_price NOT BETWEEN 20000 AND 30000;

-- @name klines IS NOT NULL and IS NULL on non-key columns
SELECT COUNT(*), COUNT(close_price), SUM(CASE WHEN volume IS NULL THEN 1 ELSE 0 END) FROM klines
  WHERE symbol = 'BTCUSDT' AND timeframe = '1m' AND close_price IS NOT NULL;

-- @name klines contradictory range sends nothing
-- @empty-ok
-- @requests *=0
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time > TIMESTAMP '2024-02-01 00:00:00' AND open_time < TIMESTAMP '2024-01-01 00:00:00';

-- @name klines contradictory symbols send nothing
-- @empty-ok
-- @requests *=0
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND symbol = 'ETHUSDT' AND timeframe = '1h';

-- @name klines LIMIT 0 sends nothing
-- @empty-ok
-- @requests *=0
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h' LIMIT 0;

-- @name klines range after the last bar is empty
-- @empty-ok
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2025-01-01 00:00:00';

-- @name klines interval without data (5m) is empty
-- @empty-ok
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '5m'
  AND open_time >= TIMESTAMP '2024-01-01 00:00:00' AND open_time < TIMESTAMP '2024-01-02 00:00:00';

-- @name klines NOT of a range on open_time
SELECT open_time, close_price FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1d'
  AND NOT (open_time < TIMESTAMP '2024-03-25 00:00:00');

-- @name klines open_time <> x (two ranges, not pushed)
SELECT COUNT(*), MIN(open_time), MAX(open_time) FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1d'
  AND open_time <> TIMESTAMP '2023-01-01 00:00:00';

-- @name klines open_time compared with a character literal
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= '2024-03-31 20:00:00';

-- @name klines open_time IS NULL on a NOT NULL column
-- @empty-ok
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h' AND open_time IS NULL;

-- @name klines expression on open_time (not pushed)
SELECT open_time, volume FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1h'
  AND CAST(open_time AS DATE) = DATE '2024-02-29';

-- @name klines mixed-case identifiers
SELECT Open_Time, CLOSE_PRICE FROM KLINES WHERE Symbol = 'ETHBTC' AND TimeFrame = '1d'
  AND OPEN_TIME >= TIMESTAMP '2024-03-29 00:00:00';

-- @name klines open times in DST gaps of America and Europe
SELECT open_time, close_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time IN (TIMESTAMP '2024-03-10 01:00:00', TIMESTAMP '2024-03-10 02:00:00',
  TIMESTAMP '2024-03-31 00:00:00', TIMESTAMP '2024-03-31 01:00:00', TIMESTAMP '2024-03-31 02:00:00');

-- @name ui_klines range across pages
-- @requests /api/v3/uiKlines=2
SELECT * FROM ui_klines WHERE symbol = 'ETHUSDT' AND timeframe = '1m'
  AND open_time >= TIMESTAMP '2024-01-02 00:00:00' AND open_time < TIMESTAMP '2024-01-02 20:00:00';

-- ============================== klines: ORDER BY, LIMIT, OFFSET ==============================

-- @name klines ORDER BY open_time ASC LIMIT
-- @ordered
-- @requests /api/v3/klines=1
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h' ORDER BY open_time LIMIT 10;

-- @name klines ORDER BY open_time DESC LIMIT is one request for the latest bars
-- @ordered
-- @requests /api/v3/klines=1
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h' ORDER BY open_time DESC LIMIT 5;

-- @name klines ORDER BY open_time DESC LIMIT OFFSET across a page
-- @ordered
-- @requests /api/v3/klines=2
SELECT open_time, close_price FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1h'
  ORDER BY open_time DESC LIMIT 5 OFFSET 998;

-- @name klines ORDER BY open_time ASC LIMIT OFFSET within a range
-- @ordered
SELECT open_time, close_price FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-02-01 00:00:00' ORDER BY open_time LIMIT 20 OFFSET 990;

-- @name klines ORDER BY open_time DESC over a range, no LIMIT
-- @ordered
SELECT open_time, close_price, volume FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1h'
  AND open_time BETWEEN TIMESTAMP '2024-01-10 00:00:00' AND TIMESTAMP '2024-03-10 00:00:00'
  ORDER BY open_time DESC;

-- @name klines ORDER BY open_time DESC LIMIT with a lower bound
-- @ordered
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d'
  AND open_time >= TIMESTAMP '2024-03-28 00:00:00' ORDER BY open_time DESC LIMIT 10;

-- @name klines ORDER BY open_time DESC LIMIT with an upper bound
-- @ordered
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time < TIMESTAMP '2024-02-11 16:00:00' ORDER BY open_time DESC LIMIT 1002;

-- @name klines ORDER BY close_time DESC LIMIT
-- @ordered
SELECT close_time, close_price FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1m'
  ORDER BY close_time DESC LIMIT 3;

-- @name klines ORDER BY a non-sortable column with tie-breaker and LIMIT
-- @ordered
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  ORDER BY close_price DESC, open_time LIMIT 5;

-- @name klines several symbols ORDER BY open_time, symbol LIMIT
-- @ordered
SELECT symbol, open_time, close_price FROM klines WHERE symbol IN ('BTCUSDT', 'ETHUSDT')
  AND timeframe = '1d' ORDER BY open_time DESC, symbol LIMIT 6;

-- @name klines ORDER BY open_time DESC LIMIT after a non-pushed filter
-- @ordered
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND close_price > 40000 ORDER BY open_time DESC LIMIT 5;

-- @name klines ORDER BY open_time OFFSET without LIMIT
-- @ordered
SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  ORDER BY open_time OFFSET 2180 ROWS;

-- @name klines unordered LIMIT is one request
-- @unordered-limit
-- @requests /api/v3/klines=1
SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h' LIMIT 10;

-- @name klines unordered LIMIT within a range
-- @unordered-limit
SELECT * FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1h'
  AND open_time < TIMESTAMP '2024-02-01 00:00:00' LIMIT 25;

-- @name klines unordered LIMIT OFFSET
-- @unordered-limit
SELECT open_time FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1m' LIMIT 7 OFFSET 3;

-- @name klines unordered LIMIT after a non-pushed filter
-- @unordered-limit
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND close_price > 40000 LIMIT 30;

-- ============================== klines: aggregates, windows, joins ==============================

-- @name klines COUNT
SELECT COUNT(*) FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1m';

-- @name klines SUM MIN MAX
SELECT SUM(volume), SUM(quote_volume), MIN(low_price), MAX(high_price), SUM(trade_count),
  MIN(open_time), MAX(close_time)
  FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-02-01 00:00:00' AND open_time < TIMESTAMP '2024-03-01 00:00:00';

-- @name klines AVG GROUP BY symbol
-- @tolerance 0.000001
SELECT symbol, AVG(close_price), COUNT(*) FROM klines
  WHERE symbol IN ('BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'ETHBTC') AND timeframe = '1d'
  AND open_time < TIMESTAMP '2024-01-01 00:00:00' GROUP BY symbol;

-- @name klines GROUP BY day
-- @ordered
SELECT CAST(open_time AS DATE), COUNT(*), MIN(low_price), MAX(high_price), SUM(volume)
  FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-03-01 00:00:00'
  GROUP BY CAST(open_time AS DATE) ORDER BY 1;

-- @name klines GROUP BY EXTRACT(HOUR)
SELECT EXTRACT(HOUR FROM open_time), COUNT(*), SUM(volume), MAX(trade_count)
  FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1h'
  GROUP BY EXTRACT(HOUR FROM open_time);

-- @name klines GROUP BY HAVING
SELECT CAST(open_time AS DATE), SUM(trade_count) FROM klines
  WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
  GROUP BY CAST(open_time AS DATE) HAVING SUM(trade_count) > 72000;

-- @name klines COUNT DISTINCT and GROUP BY two keys
SELECT symbol, timeframe, COUNT(*), COUNT(DISTINCT CAST(open_time AS DATE)) FROM klines
  WHERE symbol IN ('BTCUSDT', 'ETHBTC') AND timeframe IN ('1m', '1h')
  AND open_time < TIMESTAMP '2024-01-03 00:00:00' GROUP BY symbol, timeframe;

-- @name klines window moving average ROWS BETWEEN 2 PRECEDING
-- @ordered
-- @tolerance 0.000001
SELECT open_time, close_price,
  AVG(close_price) OVER (ORDER BY open_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
  FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d'
  AND open_time >= TIMESTAMP '2024-03-01 00:00:00' ORDER BY open_time;

-- @name klines window SUM ROWS BETWEEN 23 PRECEDING across pages
-- @ordered
SELECT open_time,
  SUM(volume) OVER (ORDER BY open_time ROWS BETWEEN 23 PRECEDING AND CURRENT ROW)
  FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-02-01 00:00:00' AND open_time < TIMESTAMP '2024-03-25 00:00:00'
  ORDER BY open_time;

-- @name klines window LAG
-- @ordered
SELECT open_time, close_price, close_price - LAG(close_price) OVER (ORDER BY open_time)
  FROM klines WHERE symbol = 'ETHBTC' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-03-30 00:00:00' ORDER BY open_time;

-- @name klines window ROW_NUMBER top 3 per symbol
-- @ordered
SELECT symbol, rn, open_time, volume FROM (
  SELECT symbol, open_time, volume,
    ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY volume DESC, open_time) AS rn
  FROM klines WHERE symbol IN ('BTCUSDT', 'ETHUSDT', 'BNBUSDT') AND timeframe = '1d') t
  WHERE rn <= 3 ORDER BY symbol, rn;

-- @name klines window SUM PARTITION BY day
SELECT open_time, volume, SUM(volume) OVER (PARTITION BY CAST(open_time AS DATE))
  FROM klines WHERE symbol = 'BNBUSDT' AND timeframe = '1h'
  AND open_time >= TIMESTAMP '2024-03-29 00:00:00';

-- @name klines scalar subquery on the same table
SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d'
  AND close_price = (SELECT MAX(close_price) FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d');

-- @name klines JOIN symbols
SELECT k.symbol, s.base_asset, s.quote_asset, s.status, k.open_time, k.close_price
  FROM klines k JOIN symbols s ON k.symbol = s.symbol
  WHERE k.symbol IN ('BTCUSDT', 'ETHBTC') AND k.timeframe = '1d'
  AND k.open_time >= TIMESTAMP '2024-03-25 00:00:00';

-- @name klines 1h vs 1d self-join by day
-- @ordered
SELECT d.open_time, d.volume, SUM(h.volume), d.high_price, MAX(h.high_price), d.trade_count,
  SUM(h.trade_count), COUNT(*)
  FROM klines d JOIN klines h ON CAST(h.open_time AS DATE) = CAST(d.open_time AS DATE)
  WHERE d.symbol = 'BTCUSDT' AND d.timeframe = '1d' AND h.symbol = 'BTCUSDT' AND h.timeframe = '1h'
  AND d.open_time >= TIMESTAMP '2024-03-01 00:00:00'
  GROUP BY d.open_time, d.volume, d.high_price, d.trade_count ORDER BY d.open_time;

-- @name klines 1h vs 1d non-equi join on the bar span
-- @requests *=2
SELECT d.open_time, COUNT(*), MIN(h.low_price), d.low_price
  FROM klines d JOIN klines h ON h.open_time >= d.open_time AND h.open_time <= d.close_time
  WHERE d.symbol = 'ETHUSDT' AND d.timeframe = '1d' AND h.symbol = 'ETHUSDT' AND h.timeframe = '1h'
  AND d.open_time >= TIMESTAMP '2024-03-20 00:00:00' AND h.open_time >= TIMESTAMP '2024-03-20 00:00:00'
  GROUP BY d.open_time, d.low_price;

-- @name klines vs ui_klines join
SELECT COUNT(*), SUM(CASE WHEN k.close_price = u.close_price THEN 1 ELSE 0 END)
  FROM klines k JOIN ui_klines u ON k.open_time = u.open_time
  WHERE k.symbol = 'BNBUSDT' AND k.timeframe = '1d' AND u.symbol = 'BNBUSDT' AND u.timeframe = '1d';

-- ============================== trades ==============================

-- @name trades whole history by fromId pages
SELECT * FROM trades WHERE symbol = 'BNBUSDT';

-- @name trades trade_id BETWEEN across pages
SELECT * FROM trades WHERE symbol = 'BNBUSDT' AND trade_id BETWEEN 720000500 AND 720002100;

-- @name trades strict trade_id bounds
SELECT trade_id, price FROM trades WHERE symbol = 'ETHBTC'
  AND trade_id > 440000999 AND trade_id < 440001010;

-- @name trades trade_time half-open range (aggTrades lookup)
SELECT * FROM trades WHERE symbol = 'BTCUSDT'
  AND trade_time >= TIMESTAMP '2024-03-31 18:00:00' AND trade_time < TIMESTAMP '2024-03-31 19:00:00';

-- @name trades trade_time lower bound only
SELECT trade_id, trade_time, qty FROM trades WHERE symbol = 'ETHUSDT'
  AND trade_time > TIMESTAMP '2024-03-31 23:00:00';

-- @name trades trade_time and trade_id together
SELECT trade_id, trade_time FROM trades WHERE symbol = 'ETHUSDT'
  AND trade_time >= TIMESTAMP '2024-03-31 16:00:00' AND trade_id < 1350001000;

-- @name trades ORDER BY trade_id DESC LIMIT is one trades request
-- @ordered
-- @requests /api/v3/trades=1
-- @requests *=1
SELECT * FROM trades WHERE symbol = 'BTCUSDT' ORDER BY trade_id DESC LIMIT 20;

-- @name trades ORDER BY trade_id ASC LIMIT
-- @ordered
SELECT trade_id, price, qty FROM trades WHERE symbol = 'ETHUSDT' ORDER BY trade_id LIMIT 12;

-- @name trades ORDER BY trade_id DESC LIMIT with an upper time bound
-- @ordered
SELECT trade_id, trade_time, price FROM trades WHERE symbol = 'BTCUSDT'
  AND trade_time < TIMESTAMP '2024-03-31 20:00:00' ORDER BY trade_id DESC LIMIT 5;

-- @name trades ORDER BY trade_time DESC LIMIT (not total: compare the times)
-- @ordered
-- @columns 1
SELECT trade_time, trade_id FROM trades WHERE symbol = 'ETHBTC' ORDER BY trade_time DESC LIMIT 10;

-- @name trades ORDER BY trade_id DESC LIMIT OFFSET across a page
-- @ordered
SELECT trade_id FROM trades WHERE symbol = 'BNBUSDT' ORDER BY trade_id DESC LIMIT 5 OFFSET 1498;

-- @name trades unordered LIMIT is one request
-- @unordered-limit
-- @requests *=1
SELECT * FROM trades WHERE symbol = 'ETHUSDT' LIMIT 15;

-- @name trades booleans, GROUP BY is_buyer_maker
SELECT is_buyer_maker, is_best_match, COUNT(*), SUM(qty), SUM(quote_qty), MIN(price), MAX(price)
  FROM trades WHERE symbol = 'BTCUSDT' GROUP BY is_buyer_maker, is_best_match;

-- @name trades boolean predicate and NOT
SELECT trade_id, is_buyer_maker FROM trades WHERE symbol = 'BNBUSDT'
  AND NOT is_buyer_maker AND trade_id >= 720002900;

-- @name trades IN symbols with a time range
SELECT symbol, trade_id, price FROM trades WHERE symbol IN ('BTCUSDT', 'ETHUSDT')
  AND trade_time >= TIMESTAMP '2024-03-31 23:30:00';

-- @name trades trade_id IN list (span pushed, list kept as filter)
SELECT trade_id, price FROM trades WHERE symbol = 'ETHUSDT'
  AND trade_id IN (1350000005, 1350001500, 1350002999);

-- @name trades upper time bound only, ORDER BY trade_id LIMIT OFFSET
-- @ordered
SELECT trade_id, trade_time FROM trades WHERE symbol = 'BNBUSDT'
  AND trade_time < TIMESTAMP '2024-03-31 14:30:00' ORDER BY trade_id LIMIT 5 OFFSET 10;

-- @name trades trade_time equal to a millisecond shared by six aggregates
SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND trade_time = TIMESTAMP '2024-03-31 19:13:23.394';

-- @name trades trade_time below a shared millisecond, ORDER BY trade_id DESC LIMIT
-- @ordered
SELECT trade_id, trade_time FROM trades WHERE symbol = 'BTCUSDT'
  AND trade_time < TIMESTAMP '2024-03-31 19:13:23.394' ORDER BY trade_id DESC LIMIT 3;

-- @name trades lower time bound, ORDER BY trade_id DESC without LIMIT
-- @ordered
SELECT trade_id FROM trades WHERE symbol = 'ETHBTC'
  AND trade_time >= TIMESTAMP '2024-03-31 22:30:00' ORDER BY trade_id DESC;

-- @name trades window LAG over trade_id
-- @ordered
SELECT trade_id, price - LAG(price) OVER (ORDER BY trade_id), trade_time FROM trades
  WHERE symbol = 'ETHUSDT' AND trade_id >= 1350002900 ORDER BY trade_id;

-- @name trades JOIN agg_trades by trade id span
-- @requests *=3
SELECT COUNT(*), SUM(CASE WHEN t.price = a.price AND t.trade_time = a.trade_time THEN 1 ELSE 0 END),
  COUNT(DISTINCT a.agg_trade_id)
  FROM trades t JOIN agg_trades a ON t.trade_id BETWEEN a.first_trade_id AND a.last_trade_id
  WHERE t.symbol = 'ETHBTC' AND a.symbol = 'ETHBTC'
  AND t.trade_time >= TIMESTAMP '2024-03-31 23:50:00' AND a.trade_time >= TIMESTAMP '2024-03-31 23:50:00';

-- ============================== agg_trades ==============================

-- @name agg_trades whole history
SELECT * FROM agg_trades WHERE symbol = 'ETHBTC';

-- @name agg_trades agg_trade_id half-open range
SELECT * FROM agg_trades WHERE symbol = 'BTCUSDT'
  AND agg_trade_id >= 2900000100 AND agg_trade_id < 2900001300;

-- @name agg_trades trade_time range across pages
-- @requests /api/v3/aggTrades=2
SELECT * FROM agg_trades WHERE symbol = 'ETHUSDT'
  AND trade_time >= TIMESTAMP '2024-03-31 14:00:00' AND trade_time < TIMESTAMP '2024-03-31 22:00:00';

-- @name agg_trades trade_time BETWEEN inclusive bounds
SELECT agg_trade_id, trade_time, price FROM agg_trades WHERE symbol = 'BNBUSDT'
  AND trade_time BETWEEN TIMESTAMP '2024-03-31 20:00:00' AND TIMESTAMP '2024-03-31 20:10:00';

-- @name agg_trades ORDER BY agg_trade_id DESC LIMIT is one request
-- @ordered
-- @requests /api/v3/aggTrades=1
SELECT * FROM agg_trades WHERE symbol = 'BTCUSDT' ORDER BY agg_trade_id DESC LIMIT 7;

-- @name agg_trades ORDER BY agg_trade_id DESC LIMIT with an upper time bound across pages
-- @ordered
SELECT agg_trade_id, trade_time FROM agg_trades WHERE symbol = 'BTCUSDT'
  AND trade_time <= TIMESTAMP '2024-03-31 20:00:00' ORDER BY agg_trade_id DESC LIMIT 1050;

-- @name agg_trades ORDER BY trade_time ASC LIMIT with a lower time bound (not total: compare the times)
-- @ordered
-- @columns 1
SELECT trade_time, agg_trade_id FROM agg_trades WHERE symbol = 'ETHBTC'
  AND trade_time >= TIMESTAMP '2024-03-31 21:00:00' ORDER BY trade_time LIMIT 40;

-- @name agg_trades unordered LIMIT with a time range
-- @unordered-limit
SELECT * FROM agg_trades WHERE symbol = 'BNBUSDT'
  AND trade_time >= TIMESTAMP '2024-03-31 15:00:00' AND trade_time < TIMESTAMP '2024-03-31 16:00:00' LIMIT 20;

-- @name agg_trades trade_time equal to a millisecond shared by six aggregates
SELECT * FROM agg_trades WHERE symbol = 'BTCUSDT' AND trade_time = TIMESTAMP '2024-03-31 19:13:23.394';

-- @name agg_trades strict lower bound on a shared millisecond, ORDER BY agg_trade_id LIMIT
-- @ordered
SELECT agg_trade_id, trade_time FROM agg_trades WHERE symbol = 'BTCUSDT'
  AND trade_time > TIMESTAMP '2024-03-31 19:13:23.394' ORDER BY agg_trade_id LIMIT 3;

-- @name agg_trades inclusive upper bound on a shared millisecond, ORDER BY agg_trade_id DESC LIMIT
-- @ordered
SELECT agg_trade_id, trade_time FROM agg_trades WHERE symbol = 'BTCUSDT'
  AND trade_time <= TIMESTAMP '2024-03-31 19:13:23.394' ORDER BY agg_trade_id DESC LIMIT 2;

-- @name agg_trades agg_trade_id and trade_time together
SELECT agg_trade_id, trade_time FROM agg_trades WHERE symbol = 'ETHUSDT'
  AND agg_trade_id >= 1020000500 AND trade_time < TIMESTAMP '2024-03-31 18:00:00';

-- @name agg_trades upper id and lower time, ORDER BY agg_trade_id DESC
-- @ordered
SELECT agg_trade_id, trade_time FROM agg_trades WHERE symbol = 'BNBUSDT'
  AND agg_trade_id <= 630001500 AND trade_time >= TIMESTAMP '2024-03-31 21:00:00'
  ORDER BY agg_trade_id DESC;

-- @name agg_trades trade ids add up to the trade count
SELECT COUNT(*), SUM(last_trade_id - first_trade_id + 1), MIN(first_trade_id), MAX(last_trade_id)
  FROM agg_trades WHERE symbol = 'ETHUSDT';

-- @name agg_trades non-pushed qty predicate
SELECT agg_trade_id, qty FROM agg_trades WHERE symbol = 'BTCUSDT' AND qty > 1.2;

-- ============================== order_book ==============================

-- @name order_book whole book
SELECT * FROM order_book WHERE symbol = 'BTCUSDT';

-- @name order_book level <= n asks for limit n
-- @requests /api/v3/depth=1
SELECT * FROM order_book WHERE symbol = 'ETHUSDT' AND level <= 10;

-- @name order_book side and level BETWEEN
SELECT * FROM order_book WHERE symbol = 'BNBUSDT' AND side = 'ASK' AND level BETWEEN 5 AND 15;

-- @name order_book level > n (lower bound only)
SELECT side, level, price FROM order_book WHERE symbol = 'ETHBTC' AND level > 195;

-- @name order_book level >= n with LIMIT
-- @unordered-limit
SELECT * FROM order_book WHERE symbol = 'BTCUSDT' AND level >= 5 LIMIT 3;

-- @name order_book level range with LIMIT
-- @unordered-limit
SELECT side, level, price FROM order_book WHERE symbol = 'ETHUSDT' AND level BETWEEN 150 AND 160 LIMIT 4;

-- @name order_book level = 0 is empty
-- @empty-ok
SELECT * FROM order_book WHERE symbol = 'ETHUSDT' AND level = 0;

-- @name order_book side with LIMIT OFFSET
-- @unordered-limit
SELECT side, level, price FROM order_book WHERE symbol = 'BTCUSDT' AND side = 'ASK' LIMIT 3 OFFSET 2;

-- @name order_book ORDER BY price DESC LIMIT on bids
-- @ordered
SELECT level, price, qty FROM order_book WHERE symbol = 'BTCUSDT' AND side = 'BID'
  ORDER BY price DESC LIMIT 5;

-- @name order_book ORDER BY side, level with LIMIT
-- @ordered
SELECT side, level, price FROM order_book WHERE symbol = 'ETHUSDT' ORDER BY side, level LIMIT 4;

-- @name order_book aggregates by side
SELECT side, COUNT(*), SUM(qty), MIN(price), MAX(price), MIN(level), MAX(level)
  FROM order_book WHERE symbol = 'ETHBTC' GROUP BY side;

-- @name order_book IN symbols and level
SELECT symbol, side, level, price FROM order_book WHERE symbol IN ('ETHUSDT', 'BNBUSDT') AND level <= 3;

-- @name order_book spread as a self-join
SELECT b.symbol, b.price, a.price, a.price - b.price FROM order_book b JOIN order_book a
  ON a.symbol = b.symbol AND a.level = b.level
  WHERE b.symbol = 'BTCUSDT' AND a.symbol = 'BTCUSDT' AND b.side = 'BID' AND a.side = 'ASK' AND b.level = 1;

-- @name order_book NOT IN on side
SELECT side, level FROM order_book WHERE symbol = 'BNBUSDT' AND side NOT IN ('BID') AND level <= 2;

-- ============================== tickers ==============================

-- @name ticker_24hr all symbols is one request
-- @requests /api/v3/ticker/24hr=1
SELECT * FROM ticker_24hr;

-- @name ticker_24hr one symbol
SELECT * FROM ticker_24hr WHERE symbol = 'ETHUSDT';

-- @name ticker_24hr IN list is one symbols request
-- @requests /api/v3/ticker/24hr=1
SELECT * FROM ticker_24hr WHERE symbol IN ('BTCUSDT', 'ETHBTC');

-- @name ticker_24hr NOT IN on the optional key
SELECT symbol, last_price FROM ticker_24hr WHERE symbol NOT IN ('BTCUSDT', 'BNBUSDT');

-- @name ticker_24hr non-pushed predicate
SELECT symbol, price_change_percent FROM ticker_24hr WHERE price_change_percent > 0.5;

-- @name ticker_24hr JOIN symbols
SELECT t.symbol, s.base_asset, t.last_price, t.volume FROM ticker_24hr t
  JOIN symbols s ON t.symbol = s.symbol WHERE s.quote_asset = 'USDT';

-- @name ticker_24hr ORDER BY quote_volume DESC
-- @ordered
SELECT symbol, quote_volume FROM ticker_24hr ORDER BY quote_volume DESC;

-- @name ticker_price all and one
SELECT p.symbol, p.price, o.price FROM ticker_price p
  JOIN ticker_price o ON o.symbol = p.symbol WHERE o.symbol = 'BNBUSDT';

-- @name book_ticker IN list
SELECT * FROM book_ticker WHERE symbol IN ('BTCUSDT', 'ETHUSDT', 'BNBUSDT');

-- @name book_ticker matches order_book level 1
SELECT b.symbol, b.bid_price, o.price FROM book_ticker b JOIN order_book o ON o.symbol = b.symbol
  WHERE o.symbol = 'ETHBTC' AND o.side = 'BID' AND o.level = 1;

-- @name avg_price two symbols
-- @requests /api/v3/avgPrice=2
SELECT * FROM avg_price WHERE symbol IN ('BTCUSDT', 'BNBUSDT');

-- @name rolling_ticker one window
SELECT * FROM rolling_ticker WHERE symbol = 'BTCUSDT' AND window_size = '1h';

-- @name rolling_ticker symbols x windows
SELECT * FROM rolling_ticker WHERE symbol IN ('BTCUSDT', 'ETHUSDT') AND window_size IN ('15m', '4h', '7d');

-- @name rolling_ticker 1m window
SELECT symbol, trade_count, first_trade_id, last_trade_id, open_time FROM rolling_ticker
  WHERE symbol = 'ETHBTC' AND window_size = '1m';

-- @name trading_day_ticker UTC+8
SELECT * FROM trading_day_ticker WHERE symbol IN ('BTCUSDT', 'ETHBTC') AND time_zone = '8';

-- @name trading_day_ticker two zones
SELECT symbol, time_zone, open_time, close_time, trade_count FROM trading_day_ticker
  WHERE symbol = 'BNBUSDT' AND time_zone IN ('0', '-5:00', '05:45');

-- ============================== exchangeInfo tables ==============================

-- @name symbols all
SELECT * FROM symbols;

-- @name symbols status HALT
SELECT symbol, status, base_asset FROM symbols WHERE status = 'HALT';

-- @name symbols IS NULL on an absent flag
SELECT symbol, opo_allowed, amend_allowed, quote_precision FROM symbols
  WHERE amend_allowed IS NULL OR quote_precision IS NULL;

-- @name symbols IS NOT NULL and boolean
SELECT symbol FROM symbols WHERE peg_instructions_allowed IS NOT NULL AND NOT is_margin_trading_allowed;

-- @name symbols LIKE on order_types
SELECT symbol, order_types, permission_sets FROM symbols WHERE order_types LIKE '%STOP_LOSS%';

-- @name symbol_filters all
SELECT * FROM symbol_filters;

-- @name symbol_filters IS NOT NULL
SELECT symbol, filter_type, min_price, max_price, tick_size FROM symbol_filters WHERE min_price IS NOT NULL;

-- @name symbol_filters one symbol and type
SELECT * FROM symbol_filters WHERE symbol = 'BTCUSDT' AND filter_type = 'LOT_SIZE';

-- @name symbol_filters count by type
SELECT filter_type, COUNT(*), COUNT(avg_price_mins), MAX(max_num_orders) FROM symbol_filters
  GROUP BY filter_type;

-- @name symbols JOIN symbol_filters
SELECT s.symbol, s.status, f.filter_type, f.min_notional, f.apply_to_market, f.apply_min_to_market
  FROM symbols s JOIN symbol_filters f ON f.symbol = s.symbol
  WHERE f.filter_type IN ('NOTIONAL', 'MIN_NOTIONAL');

-- @name rate_limits
SELECT * FROM rate_limits;

-- @name server_time
-- The exchange's clock runs on (H2 holds the market time): the row exists and is not before it.
-- @requests /api/v3/time=1
SELECT COUNT(*) FROM server_time WHERE server_time >= TIMESTAMP '2024-03-31 23:59:30';

-- ============================== prepared statements ==============================

-- @name prepared klines keys, range and LIMIT
-- @ordered
-- @param str BTCUSDT
-- @param str 1h
-- @param tsutc 2024-02-01 00:00:00
-- @param tsutc 2024-02-03 00:00:00
-- @param int 30
SELECT open_time, close_price FROM klines WHERE symbol = ? AND timeframe = ?
  AND open_time >= ? AND open_time < ? ORDER BY open_time LIMIT ?;

-- @name prepared klines open_time >= ? as setTimestamp
-- @param str ETHUSDT
-- @param tsutc 2024-03-20 00:00:00
SELECT * FROM klines WHERE symbol = ? AND timeframe = '1d' AND open_time >= ?;

-- @name prepared klines open_time >= ? as LocalDateTime
-- @param str ETHUSDT
-- @param ldt 2024-03-20T00:00:00
SELECT * FROM klines WHERE symbol = ? AND timeframe = '1d' AND open_time >= ?;

-- @name prepared klines OR of parameter equalities
-- @param str BNBUSDT
-- @param str ETHBTC
SELECT symbol, open_time, close_price FROM klines WHERE (symbol = ? OR symbol = ?) AND timeframe = '1d'
  AND open_time >= TIMESTAMP '2024-03-15 00:00:00';

-- @name prepared klines IN of parameters
-- @param str BTCUSDT
-- @param str ETHUSDT
SELECT symbol, COUNT(*), MAX(high_price) FROM klines WHERE symbol IN (?, ?) AND timeframe = '1d'
  GROUP BY symbol;

-- @name prepared klines ORDER BY open_time DESC LIMIT ?
-- @ordered
-- @requests /api/v3/klines=1
-- @param str ETHBTC
-- @param int 8
SELECT * FROM klines WHERE symbol = ? AND timeframe = '1h' ORDER BY open_time DESC LIMIT ?;

-- @name prepared trades trade_id range
-- @param str BTCUSDT
-- @param long 3300001500
-- @param long 3300002700
SELECT * FROM trades WHERE symbol = ? AND trade_id >= ? AND trade_id < ?;

-- @name prepared agg_trades trade_time >= ? unordered LIMIT ?
-- @unordered-limit
-- @param str ETHUSDT
-- @param tsutc 2024-03-31T21:00:00
-- @param int 50
SELECT * FROM agg_trades WHERE symbol = ? AND trade_time >= ? LIMIT ?;

-- @name prepared order_book level <= ?
-- @param str BNBUSDT
-- @param int 7
SELECT * FROM order_book WHERE symbol = ? AND level <= ?;

-- @name prepared klines open_time range as UTC Calendar timestamps
-- @ordered
-- @param str BTCUSDT
-- @param tsutc 2024-02-01T00:00:00
-- @param tsutc 2024-02-02T00:00:00
SELECT open_time, close_price FROM klines WHERE symbol = ? AND timeframe = '1h'
  AND open_time >= ? AND open_time < ? ORDER BY open_time;

-- @name prepared order_book level >= ? LIMIT ?
-- @unordered-limit
-- @param str ETHBTC
-- @param int 10
-- @param int 4
SELECT side, level, price FROM order_book WHERE symbol = ? AND level >= ? LIMIT ?;

-- @name prepared ticker_24hr symbol = ?
-- @param str ETHBTC
SELECT * FROM ticker_24hr WHERE symbol = ?;

-- @name prepared klines non-pushed decimal parameter
-- @param str BTCUSDT
-- @param dec 40000.5
SELECT open_time, close_price FROM klines WHERE symbol = ? AND timeframe = '1h' AND close_price > ?;

-- Deliberately not in the corpus:
-- * unknown symbols ('NOPE', or XYZUSDT outside exchangeInfo tables): Binance answers -1121, which the
--   driver raises as an SQLException, while H2 answers no rows; that is the API's contract, not a
--   pushdown effect.
-- * rolling_ticker / trading_day_ticker without window_size / time_zone: the driver answers the
--   default window (1d) or zone (0) only, whereas H2 holds several; a defaulted key, not a filter.
-- * a key inside an OR with other columns ((symbol = 'A' AND open_time < x) OR symbol = 'B'): the
--   driver cannot derive the required key and refuses with 0A000 by design (a required key that no predicate gives).
-- * functions spelled differently in H2 and Calcite (FLOOR(ts TO DAY), DATE_TRUNC, TIMESTAMPADD
--   argument forms): CAST(ts AS DATE) and EXTRACT are used instead.
