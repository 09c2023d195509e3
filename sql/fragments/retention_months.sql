-- Each calendar month starting in [date_from, date_to) with the first day of the month before it
-- (CTE "months"), for the month-by-month retention queries.
months AS (
    SELECT m.month_start, before_month.month_start AS previous_month
    FROM dim_date m
    JOIN dim_date before_month ON before_month.day_number = m.day_number - 1
    WHERE m.calendar_date = m.month_start
      AND m.calendar_date >= @date_from AND m.calendar_date < @date_to
)