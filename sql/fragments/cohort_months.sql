-- The calendar months with a day in [date_from, date_to), numbered from 1 (CTE "months"): a
-- cohort's months_since is the difference of two numbers.
months AS (
    SELECT month_start, ROW_NUMBER() OVER (ORDER BY month_start) AS month_number
    FROM (SELECT DISTINCT month_start FROM dim_date WHERE calendar_date >= @date_from AND calendar_date < @date_to) m
)
