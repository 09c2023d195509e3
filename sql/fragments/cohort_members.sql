-- The CTE "members" of retention/cohorts and its member twin: each customer whose first-ever sale
-- is in [date_from, date_to) and matches the filters (agg_first_sale holds every sale of their
-- first day), with the month of it, their cohort.
members AS (
    SELECT DISTINCT o.customer_id, d.month_start AS cohort
    FROM agg_first_sale o
    JOIN dim_date d ON d.calendar_date = o.first_date
    WHERE o.first_date >= @date_from AND o.first_date < @date_to
      --#include order_filters
)
