-- The version at which each month (data_change_month) and each named day (data_change_day) of
-- each data area last changed: one read for both, as the change monitor polls it.
SELECT area, month_start AS starts_on, version, 0 AS is_day
FROM data_change_month
UNION ALL
SELECT area, day AS starts_on, version, 1 AS is_day
FROM data_change_day
