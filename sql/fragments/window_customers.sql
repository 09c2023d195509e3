-- The customers active in the comparison window [prev_from, prev_to) and in the period
-- [date_from, date_to), from agg_sale_chain, for the unfiltered twins: a window's customers are its
-- rows whose previous sale is before the window (one per customer). CTEs "previous_customers" and
-- "current_customers" (customer_id); the windows may overlap or have a gap between them.
previous_customers AS (
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
      --#include unfiltered_guard
)
