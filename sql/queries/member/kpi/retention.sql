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
    SELECT s.customer_id
    FROM (
        --#include member_sales
    ) s
    WHERE (@date_from = @window_from OR @prev_to <> @window_from)
      AND s.sale_date >= @prev_from AND s.sale_date < @prev_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
), current_customers AS (
    SELECT s.customer_id, s.prev_date
    FROM (
        --#include member_sales
    ) s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @window_from)
)
SELECT
    @window_from AS bucket,
    (SELECT COUNT(*) FROM previous_customers WHERE @date_from = @window_from) AS previous_active,
    (SELECT COUNT(*) FROM current_customers c WHERE @prev_to = @window_from AND c.prev_date >= @prev_from)
    + (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id WHERE @prev_to <> @window_from) AS retained
WHERE 1 = 1
  --#include member_guard
