-- A table that needs a key says which and how, instead of scanning every symbol.
SELECT * FROM klines WHERE symbol = 'BTCUSDT';
