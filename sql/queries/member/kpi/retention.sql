-- kpi/retention under a filter on one member of region, segment, channel or category (nothing
-- else filtered, the whole scope), from agg_member_chain's rows of that member: a window's
-- customers of the member are its rows whose previous same-member sale is before the window (one
-- per customer). For adjacent windows (the usual comparison) the retained are the period's such
-- rows whose previous same-member sale is in the previous window; otherwise (a gap, an overlap)
-- the join of the two windows' customers. Additive as kpi/retention: a period customer counts
-- where their first sale of the member in the period is, the previous window's customers in the
-- part that starts the period.
--#dated
--#additive
WITH previous_customers AS (
    -- Gated in the WHERE: read by the part that starts the period, and for the join.
    SELECT customer_id
    FROM (
        SELECT m.customer_id,
               --#include member_prev_date
                   AS prev_date
        FROM agg_member_chain m
        WHERE (@date_from = @window_from OR @prev_to <> @window_from)
          AND m.sale_date >= @prev_from AND m.sale_date < @prev_to
          --#include member_filters
    ) s
    WHERE prev_date IS NULL OR prev_date < @prev_from
), current_customers AS (
    SELECT customer_id, prev_date
    FROM (
        SELECT m.customer_id,
               --#include member_prev_date
                   AS prev_date
        FROM agg_member_chain m
        WHERE m.sale_date >= @date_from AND m.sale_date < @date_to
          --#include member_filters
    ) s
    WHERE prev_date IS NULL OR prev_date < @window_from
)
SELECT
    @window_from AS bucket,
    (SELECT COUNT(*) FROM previous_customers WHERE @date_from = @window_from) AS previous_active,
    (SELECT COUNT(*) FROM current_customers c WHERE @prev_to = @window_from AND c.prev_date >= @prev_from)
    + (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id WHERE @prev_to <> @window_from) AS retained
WHERE 1 = 1
  --#include member_guard
