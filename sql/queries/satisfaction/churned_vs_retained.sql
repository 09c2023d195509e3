-- Service and satisfaction of the customers active in the comparison period [prev_from, prev_to),
-- split into those active again in [date_from, date_to) (retained) and those not (churned, as
-- in churn_rate), over their surveys and tickets dated from prev_from to date_to: did the
-- churned customers get slower service or rate it lower?
WITH sale AS (
    -- Only the two windows' sales are read (a year-earlier comparison leaves a gap between them).
    SELECT o.customer_id, o.order_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      AND o.order_date >= @prev_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
), base AS (
    -- One pass per customer instead of a per-customer EXISTS over every sale in history.
    SELECT customer_id,
           CASE WHEN MAX(CASE WHEN order_date >= @date_from AND order_date < @date_to THEN 1 ELSE 0 END) = 1
                THEN 'retained' ELSE 'churned' END AS grp
    FROM sale
    GROUP BY customer_id
    HAVING MAX(CASE WHEN order_date >= @prev_from AND order_date < @prev_to THEN 1 ELSE 0 END) = 1
),
--#include churned_vs_retained_rows
