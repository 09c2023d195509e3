-- Cohort retention: customers grouped by the month of their first-ever sale (from @date_from,
-- a month start, to @date_to), and for each later month how many of them bought again.
-- A customer belongs to the filtered slice when their first sale matches the filters; their
-- activity is their filtered sales. First sales are read from agg_first_sale. months_since = 0 is the cohort's own month (its size).
-- The window's sales are joined to the members before anything is made distinct: a customer has
-- one first sale, so one cohort, and the distinct members active in a month are the cell.
--#dated
WITH
--#include cohort_members
, cells AS (
    SELECT m.cohort, d.month_start AS active_month, COUNT(DISTINCT o.customer_id) AS customers
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    JOIN members m ON m.customer_id = o.customer_id
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY m.cohort, d.month_start
),
--#include cohort_rows
