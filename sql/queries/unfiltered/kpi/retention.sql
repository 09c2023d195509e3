-- kpi/retention when nothing is filtered and the scope is everything, from agg_sale_chain: the
-- customers active in a window are its rows whose previous sale is before the window (one per
-- customer), so the retained customers are counted from those rows instead of two DISTINCTs
-- over every sale (the windows may overlap or have a gap between them: any two windows).
-- Additive: a current-window row counts once, whichever part of the window is scanned (its
-- previous sale is compared with the window's start @window_from), and the previous window's
-- customers are counted by the part that starts the window; so a write dated today recomputes
-- the window's last month only.
--#dated
--#additive
WITH previous_customers AS (
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
-- Each count is gated in its WHERE, not in a CASE: DuckDB drops a scan whose predicate on the
-- parameters is false, while both arms of a CASE would be computed.
SELECT
    @window_from AS bucket,
    (SELECT COUNT(*) FROM previous_customers WHERE @date_from = @window_from) AS previous_active,
    -- Previous window right before this one: a customer was active in it exactly when their last
    -- sale before this window is in it — no join. Otherwise (a gap, an overlap) the join.
    (SELECT COUNT(*) FROM current_customers c WHERE @prev_to = @window_from AND c.prev_date >= @prev_from)
    + (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id WHERE @prev_to <> @window_from) AS retained
