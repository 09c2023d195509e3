-- satisfaction/churned_vs_retained when nothing is filtered and the scope is everything: the
-- customers of each window from agg_sale_chain (a customer's first sale in a window is the row whose
-- previous sale is before it: one row per active customer) instead of grouping every sale of both
-- windows by customer.
WITH previous_customers AS (
    SELECT s.customer_id
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
      --#include unfiltered_guard
), current_customers AS (
    SELECT s.customer_id
    FROM agg_sale_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @date_from)
), base AS (
    SELECT p.customer_id, CASE WHEN c.customer_id IS NULL THEN 'churned' ELSE 'retained' END AS grp
    FROM previous_customers p
    LEFT JOIN current_customers c ON c.customer_id = p.customer_id
),
--#include churned_vs_retained_rows
