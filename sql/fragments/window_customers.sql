-- The customers active in the comparison window [prev_from, prev_to) and in the period from
-- agg_sale_chain, for the unfiltered twins: a window's customers are its rows whose previous sale
-- is before the window (one per customer). CTEs "previous_customers" (customer_id) and
-- "current_customers" (customer_id, prev_date: their last sale before the period); the windows may
-- overlap or have a gap between them. The period is scanned over [date_from, date_to) and starts at
-- @window_from (the same, unless an additive query's window is scanned in parts: AdditiveSplit).
previous_customers AS (
    SELECT s.customer_id
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
      --#include unfiltered_guard
), current_customers AS (
    SELECT s.customer_id, s.prev_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @window_from)
      --#include unfiltered_guard
)
