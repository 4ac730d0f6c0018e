-- The ten most recent trades: ORDER BY trade_id DESC LIMIT 10 is one trades?limit=10 request.
SELECT trade_id, trade_time, price, qty, is_buyer_maker
FROM trades
WHERE symbol = 'BTCUSDT'
ORDER BY trade_id DESC
LIMIT 10;
