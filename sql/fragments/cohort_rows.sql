-- The cohort matrix's rows (retention/cohorts and its unfiltered twin) from a CTE "cells"
-- (cohort, active_month, customers): each cell with its months since the cohort's month, the
-- calendar months with a day in [date_from, date_to) numbered from 1.
months AS (
    SELECT month_start, ROW_NUMBER() OVER (ORDER BY month_start) AS month_number
    FROM (SELECT DISTINCT month_start FROM dim_date WHERE calendar_date >= @date_from AND calendar_date < @date_to) m
)
SELECT c.cohort,
       am.month_number - cm.month_number AS months_since,
       c.customers
FROM cells c
JOIN months cm ON cm.month_start = c.cohort
JOIN months am ON am.month_start = c.active_month
WHERE c.active_month >= c.cohort
ORDER BY c.cohort, months_since
