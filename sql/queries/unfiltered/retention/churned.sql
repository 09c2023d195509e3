-- retention/churned when nothing is filtered and the scope is everything, from agg_sale_chain:
-- a customer's last sale before @date_to is their row whose next sale is on or after it (or
-- none), and it carries their lifetime to @date_to (revenue, sales); they churned when that sale
-- is before the period and they bought in the comparison period. No sale of history is read and
-- no customer grouped: at 10 M orders the namesake's lifetime sums read every sale.
WITH lifetime AS (
    -- The last sale is in the comparison period (and before the period).
    SELECT s.customer_id, s.sale_date AS last_order, s.lifetime_revenue, s.lifetime_orders
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to AND s.sale_date < @date_from
      AND (s.next_date IS NULL OR s.next_date >= @date_to)
      --#include unfiltered_guard
    UNION ALL
    -- A gap [prev_to, date_from) between the windows (the same period a year earlier): the last
    -- sale is in the gap, and the customer's last sale before prev_to (the row whose next sale is
    -- on or after it) is in the comparison period. One row each side per customer.
    SELECT s.customer_id, s.sale_date AS last_order, s.lifetime_revenue, s.lifetime_orders
    FROM agg_sale_chain s
    JOIN agg_sale_chain q ON q.customer_id = s.customer_id
    WHERE @prev_to < @date_from
      AND s.sale_date >= @prev_to AND s.sale_date < @date_from
      AND (s.next_date IS NULL OR s.next_date >= @date_to)
      AND q.sale_date >= @prev_from AND q.sale_date < @prev_to AND q.next_date >= @prev_to
      --#include unfiltered_guard
), churned AS (
    SELECT customer_id FROM lifetime
),
--#include churned_rows
ORDER BY
    --#include table_sort/churned-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
