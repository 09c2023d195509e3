-- Customers active in the previous window [prev_from, prev_to), and how many of them are
-- active again in the period: retention_rate and churn_rate.
-- The windows may overlap (a two-year range compared with last year) or have a gap between them.
-- Additive: a period customer counts as retained in the days scanned, [date_from, date_to), when
-- their first sale of the period is there (none from the period's start @window_from to
-- @date_from) and they bought in the previous window; the previous window's customers are counted
-- by the part that starts the period. Scanning today (what QueryCache does after a write, the
-- days before kept cached) reads the earlier days and the previous window for today's customers
-- only, instead of every customer of both windows again.
--#dated
--#additive
WITH current_customers AS (
    SELECT DISTINCT o.customer_id
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      AND o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
), earlier AS (
    -- Those who bought in the period before the days scanned (none when the scan starts it).
    SELECT DISTINCT o.customer_id
    FROM fact_order o
    JOIN current_customers c ON c.customer_id = o.customer_id
    WHERE o.order_date >= @window_from AND o.order_date < @date_from
      --#include sale
      --#include order_filters
), first_here AS (
    SELECT c.customer_id
    FROM current_customers c
    LEFT JOIN earlier e ON e.customer_id = c.customer_id
    WHERE e.customer_id IS NULL
), retained AS (
    SELECT DISTINCT o.customer_id
    FROM fact_order o
    JOIN first_here f ON f.customer_id = o.customer_id
    WHERE o.order_date >= @prev_from AND o.order_date < @prev_to
      --#include sale
      --#include order_filters
), previous_customers AS (
    -- Gated in the WHERE: a part that does not start the period skips the scan.
    SELECT DISTINCT o.customer_id
    FROM fact_order o
    WHERE @date_from = @window_from
      AND o.customer_id IS NOT NULL
      AND o.order_date >= @prev_from AND o.order_date < @prev_to
      --#include sale
      --#include order_filters
)
SELECT
    @window_from AS bucket,
    (SELECT COUNT(*) FROM previous_customers) AS previous_active,
    (SELECT COUNT(*) FROM retained) AS retained
