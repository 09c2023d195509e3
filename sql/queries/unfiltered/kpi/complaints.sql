-- kpi/complaints when nothing is filtered and the scope is everything: the complaining
-- customers from the tickets as there, the active customers from agg_sale_chain (a customer's
-- first sale in the bucket is the row whose previous sale is before it) instead of a join of
-- every sale with every customer. A complainant counts only with a sale in the same bucket
-- (the numerator is a subset of the denominator, KPIS.md §3).
--#dated
WITH complaining AS (
    SELECT DISTINCT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, t.customer_id
    FROM fact_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    WHERE t.is_complaint = 1 AND t.customer_id IS NOT NULL
      AND t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include unfiltered_guard
), active AS (
    SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @date_from END AS bucket, s.prev_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      --#include unfiltered_guard
), complaining_counts AS (
    -- Complainants are counted only where they are active (a sale) in the same bucket, as in
    -- kpi/complaints.
    SELECT k.bucket, COUNT(*) AS complaining_customers
    FROM complaining k
    WHERE EXISTS (
        SELECT 1 FROM agg_sale_chain s
        WHERE s.customer_id = k.customer_id
          AND s.sale_date >= @date_from AND s.sale_date < @date_to
          AND (@monthly <> 1 OR s.month_start = k.bucket))
    GROUP BY k.bucket
), active_counts AS (
    SELECT bucket, CAST(SUM(CASE WHEN prev_date IS NULL OR prev_date < bucket THEN 1 ELSE 0 END) AS BIGINT) AS active_customers
    FROM active
    GROUP BY bucket
),
--#include complaint_rows
