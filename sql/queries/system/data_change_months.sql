-- The version at which each month of each data area last changed (see data_change_month).
SELECT area, month_start, version
FROM data_change_month
