-- top20_share (the 2:8 rule): the revenue of the top ceil(N/5) of the N active customers,
-- ranked by revenue in [date_from, date_to) with ties broken by customer id, over the revenue
-- of all N. "position <= ceil(N/5)" is written 5 * (position - 1) < N to stay in integers.
--#dated
-- The period's bucket is @date_from itself: only the months (@monthly = 1) join the calendar for
-- their month_start; each branch is gated by @monthly in its WHERE, so one is skipped.
WITH period_customers AS
--#include materialized
(
    SELECT @date_from AS bucket, o.customer_id, SUM(o.revenue) AS revenue
    FROM fact_order o
    WHERE COALESCE(@monthly, 0) <> 1
      AND o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
), month_customers AS (
    SELECT d.month_start AS bucket, o.customer_id, SUM(o.revenue) AS revenue
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE @monthly = 1
      AND o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY d.month_start, o.customer_id
),
--#include top_customers_ranking
