-- satisfaction/churned_vs_retained when nothing is filtered and the scope is everything: the
-- customers of the comparison window and their group from agg_sale_chain instead of grouping
-- every sale of both windows by customer.
-- Windows that meet (the comparison ends where the period starts: the previous period, the
-- default): a customer's last sale in the comparison window is their one row there whose next
-- sale is on or after its end (or none), and they are retained exactly when that next sale is
-- before the period's end. One range of rows, no join of the two windows' customers.
-- Otherwise (a gap, as a year earlier, or an overlap) the customers of each window are found
-- (a window's first row per customer) and joined.
WITH
--#include window_customers
, base AS (
    SELECT s.customer_id, CASE WHEN s.next_date < @date_to THEN 'retained' ELSE 'churned' END AS grp
    FROM agg_sale_chain s
    WHERE @prev_to = @date_from
      AND s.sale_date >= @prev_from AND s.sale_date < @prev_to
      AND (s.next_date IS NULL OR s.next_date >= @prev_to)
      --#include unfiltered_guard
    UNION ALL
    SELECT p.customer_id, CASE WHEN c.customer_id IS NULL THEN 'churned' ELSE 'retained' END AS grp
    FROM previous_customers p
    LEFT JOIN current_customers c ON c.customer_id = p.customer_id
    WHERE @prev_to <> @date_from
),
--#include churned_vs_retained_rows
