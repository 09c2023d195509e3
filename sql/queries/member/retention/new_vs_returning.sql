-- retention/new_vs_returning under a filter on one member of region, segment, channel or category
-- (nothing else filtered, the whole scope): the identified customers' sales of the member from
-- agg_member_chain, each with its revenue and the customer's first-ever sale (a buyer is new in the
-- month of it), instead of joining the window's sales to the first sales; the member's anonymous
-- sales from the facts, as the unfiltered twin reads them.
--#dated
WITH identified AS (
    SELECT s.month_start AS bucket,
           SUM(CASE WHEN s.first_date >= s.month_start THEN s.revenue ELSE 0 END) AS new_revenue,
           SUM(CASE WHEN s.first_date < s.month_start THEN s.revenue ELSE 0 END) AS returning_revenue
    FROM (
        --#include member_sales
    ) s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
    GROUP BY s.month_start
), anonymous AS (
    SELECT d.month_start AS bucket, SUM(o.revenue) AS revenue
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NULL
      --#include sale
      --#include order_filters
      --#include member_guard
    GROUP BY d.month_start
)
--#include new_vs_returning_rows
