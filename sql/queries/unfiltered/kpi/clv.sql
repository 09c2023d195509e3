-- kpi/clv when nothing is filtered and the scope is everything: the year's sums from fact_order,
-- and its customer counts from agg_sale_chain without grouping by customer. A customer's first
-- sale in a window is the row whose previous sale is before the window (or none): the active
-- customers of the year and of the year before. When the year before ends where the year begins
-- (the windows clv is asked for), a customer active in both is one whose first sale in the year
-- has its previous sale in the year before: retained is a count too. For windows with a gap
-- between them (never asked for, but the twin answers every window as its namesake does) that
-- does not hold, and retained is counted from the facts; the gap test turns either half off.
--#dated
WITH totals AS (
    SELECT CAST(COALESCE(SUM(o.revenue), 0) AS DECIMAL(18,2)) AS revenue,
           CAST(COALESCE(SUM(o.revenue - o.cost), 0) AS DECIMAL(18,2)) AS gross_profit,
           COUNT(*) AS orders,
           COUNT(o.customer_id) AS identified_orders
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include unfiltered_guard
), chain AS (
    SELECT
        CAST(COALESCE(SUM(CASE WHEN s.sale_date >= @date_from AND s.sale_date < @date_to
                                AND (s.prev_date IS NULL OR s.prev_date < @date_from) THEN 1 ELSE 0 END), 0) AS BIGINT) AS active_customers,
        CAST(COALESCE(SUM(CASE WHEN s.sale_date >= @prev_from AND s.sale_date < @prev_to
                                AND (s.prev_date IS NULL OR s.prev_date < @prev_from) THEN 1 ELSE 0 END), 0) AS BIGINT) AS previous_active,
        CAST(COALESCE(SUM(CASE WHEN @prev_to = @date_from AND s.sale_date >= @date_from AND s.sale_date < @date_to
                                AND s.prev_date >= @prev_from AND s.prev_date < @prev_to THEN 1 ELSE 0 END), 0) AS BIGINT) AS adjacent_retained
    FROM agg_sale_chain s
    WHERE ((s.sale_date >= @date_from AND s.sale_date < @date_to)
           OR (s.sale_date >= @prev_from AND s.sale_date < @prev_to))
      --#include unfiltered_guard
), gap_retained AS (
    SELECT COUNT(*) AS retained
    FROM (
        SELECT s.customer_id
        FROM agg_sale_chain s
        WHERE @prev_to <> @date_from
          AND ((s.sale_date >= @date_from AND s.sale_date < @date_to)
               OR (s.sale_date >= @prev_from AND s.sale_date < @prev_to))
          --#include unfiltered_guard
        GROUP BY s.customer_id
        HAVING MAX(CASE WHEN s.sale_date >= @date_from AND s.sale_date < @date_to THEN 1 ELSE 0 END) = 1
           AND MAX(CASE WHEN s.sale_date >= @prev_from AND s.sale_date < @prev_to THEN 1 ELSE 0 END) = 1
    ) both_years
)
SELECT
    @date_from AS bucket,
    t.revenue, t.gross_profit, t.orders, t.identified_orders,
    c.active_customers, c.previous_active,
    c.adjacent_retained + g.retained AS retained
FROM totals t
CROSS JOIN chain c
CROSS JOIN gap_retained g
