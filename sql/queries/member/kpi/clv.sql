-- kpi/clv under a filter on one member of region, segment, channel or category (nothing else
-- filtered, the whole scope): the year's sums from agg_sale_day's rows of that member, its
-- customer counts from agg_member_chain's. A window's customers of the member are its rows whose
-- previous same-member sale is before the window (one per customer); when the year before ends
-- where the year begins (the windows clv is asked for) the retained are the year's such rows
-- whose previous same-member sale is in the year before, otherwise the join of the two sets.
--#dated
WITH totals AS (
    SELECT CAST(COALESCE(SUM(o.revenue), 0) AS DECIMAL(18,2)) AS revenue,
           CAST(COALESCE(SUM(o.revenue - o.cost), 0) AS DECIMAL(18,2)) AS gross_profit,
           CAST(COALESCE(SUM(o.orders), 0) AS BIGINT) AS orders,
           CAST(COALESCE(SUM(o.identified_orders), 0) AS BIGINT) AS identified_orders
    FROM agg_sale_day o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      --#include day_filters
),
--#include member_window_customers
SELECT
    @date_from AS bucket,
    t.revenue, t.gross_profit, t.orders, t.identified_orders,
    (SELECT COUNT(*) FROM current_customers) AS active_customers,
    (SELECT COUNT(*) FROM previous_customers) AS previous_active,
    (SELECT COUNT(*) FROM current_customers c WHERE @prev_to = @date_from AND c.prev_date >= @prev_from)
    + (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id WHERE @prev_to <> @date_from) AS retained
FROM totals t
WHERE 1 = 1
  --#include member_guard
