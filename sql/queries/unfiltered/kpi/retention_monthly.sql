-- kpi/retention_monthly when nothing is filtered and the scope is everything, from
-- agg_cohort_activity: per month, the customers whose first sale in it is in [prev_from,
-- date_to), and of them those whose previous sale is in the month before (retained) — the
-- counts agg_sale_chain's first-in-month rows give, summed over a few thousand rows.
--#dated
WITH
--#include retention_months
, activity AS (
    SELECT c.active_month AS month_start, SUM(c.customers) AS customers, SUM(c.retained) AS retained
    FROM agg_cohort_activity c
    WHERE c.active_date >= @prev_from AND c.active_date < @date_to
      --#include unfiltered_guard
    GROUP BY c.active_month
)
SELECT m.month_start AS bucket,
       CAST(COALESCE(a.customers, 0) AS BIGINT) AS previous_active,
       CAST(COALESCE(r.retained, 0) AS BIGINT) AS retained
FROM months m
LEFT JOIN activity a ON a.month_start = m.previous_month
LEFT JOIN activity r ON r.month_start = m.month_start
ORDER BY m.month_start
