-- The calendar of the period [date_from, date_to) for sales targets (KPIS.md §5), per bucket
-- (the period, or each month with @monthly = 1): its days, the days up to and including @today
-- (elapsed; pace and run-rate forecast) and the days from @today on (left: 0 once the period
-- has ended; pipeline coverage). month_days holds, for every month the period touches, how many
-- of its days fall in the period, to prorate monthly quotas by day.
period_day AS (
    SELECT d.calendar_date, d.month_start,
           CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket
    FROM dim_date d
    WHERE d.calendar_date >= @date_from AND d.calendar_date < @date_to
), calendar AS (
    SELECT bucket,
           COUNT(*) AS period_days,
           CAST(SUM(CASE WHEN calendar_date <= @today THEN 1 ELSE 0 END) AS INTEGER) AS elapsed_days,
           CAST(SUM(CASE WHEN calendar_date >= @today THEN 1 ELSE 0 END) AS INTEGER) AS days_left
    FROM period_day
    GROUP BY bucket
), month_days AS (
    SELECT d.month_start,
           COUNT(*) AS days_in_month,
           CAST(SUM(CASE WHEN d.calendar_date >= @date_from AND d.calendar_date < @date_to THEN 1 ELSE 0 END) AS INTEGER) AS days_in_period
    FROM dim_date d
    WHERE d.month_start IN (SELECT month_start FROM period_day)
    GROUP BY d.month_start
)
