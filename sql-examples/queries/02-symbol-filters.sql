-- The trading rules an order must satisfy: price step (tick size), quantity step and minimum
-- notional. The driver checks orders against these before sending them.
SELECT symbol, filter_type, min_price, tick_size, min_qty, step_size, min_notional
FROM symbol_filters
WHERE filter_type IN ('PRICE_FILTER', 'LOT_SIZE', 'NOTIONAL')
ORDER BY symbol, filter_type;
