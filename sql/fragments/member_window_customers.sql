-- The customers of the one member filtered in the comparison window [prev_from, prev_to) and in the
-- period, from agg_member_chain, for the twins under queries/member/ (member_guard: no rows for
-- any other arguments): a window's customers are its rows whose previous same-member sale is before
-- the window (one per customer). CTEs "previous_customers" (customer_id) and "current_customers"
-- (customer_id, prev_date: their last sale of the member before the period); the windows may meet,
-- overlap or have a gap between them.
previous_customers AS (
    SELECT s.customer_id
    FROM (
        --#include member_sales
    ) s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
), current_customers AS (
    SELECT s.customer_id, s.prev_date
    FROM (
        --#include member_sales
    ) s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @date_from)
)
