-- kpi/retention per calendar month: for each month starting in [date_from, date_to), the
-- customers active in the month before and how many of them are active again in the month.
-- @prev_from is the first day of the month before date_from.
--#dated
WITH
--#include retention_months
--#include retention_month_counts
