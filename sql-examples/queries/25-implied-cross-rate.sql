-- Triangular check: the ETHBTC price against ETHUSDT / BTCUSDT.
SELECT e.price AS ethusdt, b.price AS btcusdt, x.price AS ethbtc,
       CAST(e.price / b.price AS DECIMAL(20, 8)) AS implied_ethbtc,
       CAST((x.price / (e.price / b.price) - 1) * 10000 AS DECIMAL(10, 2)) AS gap_bps
FROM ticker_price e, ticker_price b, ticker_price x
WHERE e.symbol = 'ETHUSDT' AND b.symbol = 'BTCUSDT' AND x.symbol = 'ETHBTC';
