-- The account behind the API key (signed request).
SELECT can_trade, can_withdraw, can_deposit, account_type, permissions
FROM account;
