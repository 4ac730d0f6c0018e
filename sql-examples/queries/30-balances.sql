-- Non-zero balances: free, locked in open orders, and total.
SELECT asset, free_qty, locked_qty, total_qty
FROM account_balances
WHERE total_qty > 0
ORDER BY asset;
