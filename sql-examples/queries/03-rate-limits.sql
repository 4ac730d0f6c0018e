-- The API's rate limits; the driver's weight governor reads REQUEST_WEIGHT from here.
SELECT rate_limit_type, interval_unit, interval_num, limit_value
FROM rate_limits
ORDER BY rate_limit_type, interval_unit;
