-- The trading pairs the exchange lists, with their status and allowed order types.
-- One exchangeInfo request (weight 20), cached for exchangeInfoTtl seconds.
SELECT symbol, status, base_asset, quote_asset, order_types
FROM symbols
ORDER BY symbol;
