-- Best bid and ask per symbol and the spread in basis points (a halted symbol has no book).
SELECT symbol, bid_price, ask_price,
       CAST((ask_price - bid_price) / ((ask_price + bid_price) / 2) * 10000 AS DECIMAL(10, 3))
         AS spread_bps
FROM book_ticker
WHERE bid_price > 0 AND ask_price > 0
ORDER BY symbol;
