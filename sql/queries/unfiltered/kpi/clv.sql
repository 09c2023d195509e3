-- kpi/clv when nothing is filtered and the scope is everything: the year's sums from agg_sale_day,
-- and its customer counts from agg_sale_pair (agg_sale_chain's rows counted per day: ~700 rows a
-- day instead of ~8,000 chain rows) without grouping by customer. A customer's first sale in a
-- window is the chain row whose previous sale is before the window (or none): the active
-- customers of the year and of the year before. When the year before ends where the year begins
-- (the windows clv is asked for), a customer active in both is one whose first sale in the year
-- has its previous sale in the year before: retained is a count too. For windows with a gap
-- between them (never asked for, but the twin answers every window as its namesake does) that
-- does not hold, and retained is counted from agg_sale_chain; the gap test turns either half off.
--#dated
WITH totals AS (
    SELECT CAST(COALESCE(SUM(a.revenue), 0) AS DECIMAL(18,2)) AS revenue,
           CAST(COALESCE(SUM(a.revenue - a.cost), 0) AS DECIMAL(18,2)) AS gross_profit,
           CAST(COALESCE(SUM(a.orders), 0) AS BIGINT) AS orders,
           CAST(COALESCE(SUM(a.identified_orders), 0) AS BIGINT) AS identified_orders
    FROM agg_sale_day a
    WHERE a.sale_date >= @date_from AND a.sale_date < @date_to
      --#include unfiltered_guard
), chain AS (
    -- agg_sale_pair's counts (sql/fragments/pair_customer_counts.sql): a window's distinct
    -- customers are its sales less those whose previous sale is in the window. Each count is
    -- gated in its WHERE, not in a CASE (DuckDB then drops the scan a false gate turns off).
    SELECT
        (SELECT COALESCE(c.active_customers, 0)
         FROM (
             SELECT
                 --#include pair_customer_counts
             FROM agg_sale_pair
             WHERE sale_date >= @date_from AND sale_date < @date_to AND prior_date >= @date_from
               --#include unfiltered_guard
         ) c) AS active_customers,
        (SELECT COALESCE(c.active_customers, 0)
         FROM (
             SELECT
                 --#include pair_customer_counts
             FROM agg_sale_pair
             WHERE sale_date >= @prev_from AND sale_date < @prev_to AND prior_date >= @prev_from
               --#include unfiltered_guard
         ) c) AS previous_active,
        -- The year's first sales whose previous sale is in the year right before.
        (SELECT CAST(COALESCE(SUM(p.sales), 0) AS BIGINT)
         FROM agg_sale_pair p
         WHERE @prev_to = @date_from AND p.steps_back = 1
           AND p.sale_date >= @date_from AND p.sale_date < @date_to
           AND p.prior_date >= @prev_from AND p.prior_date < @prev_to
           --#include unfiltered_guard
        ) AS adjacent_retained
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
