-- complaint_rate: active customers of the period (a sale in [date_from, date_to)) with at
-- least one complaint ticket submitted in it, over the active customers. The numerator is a
-- subset of the denominator (KPIS.md §3), so the rate never exceeds 100 %: a customer who
-- complained but bought nothing in the period is left out of both.
-- Both sides filter on the customer's region, segment and owner rep, so they describe the
-- same customers; sales channel, category and campaign do not apply.
-- has_tickets is 0 when no ticket was ever recorded (a database fed only order lines): the
-- rate is then undefined ("no data"), not 0.
WITH customers AS (
    SELECT c.customer_id
    FROM dim_customer c
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE (@region_all = 1 OR c.region_id IN @region_ids)
      AND (@segment_all = 1 OR c.segment_id IN @segment_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR c.owner_rep_id IN @rep_ids)
      AND (@scope_all = 1 OR r.team_id IN @scope_team_ids)
), active AS (
    SELECT DISTINCT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, o.customer_id
    FROM fact_order o
    JOIN customers c ON c.customer_id = o.customer_id
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.status <> 'cancelled' AND o.revenue > 0
      AND o.order_date >= @date_from AND o.order_date < @date_to
), complaining AS (
    SELECT DISTINCT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, t.customer_id
    FROM fact_ticket t
    JOIN customers c ON c.customer_id = t.customer_id
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    WHERE t.is_complaint = 1
      AND t.submitted_at >= @date_from AND t.submitted_at < @date_to
), active_counts AS (
    -- Complainants are counted only where they are active in the same bucket.
    SELECT a.bucket, COUNT(*) AS active_customers, COUNT(k.customer_id) AS complaining_customers
    FROM active a
    LEFT JOIN complaining k ON k.bucket = a.bucket AND k.customer_id = a.customer_id
    GROUP BY a.bucket
)
SELECT ac.bucket,
       ac.complaining_customers,
       ac.active_customers,
       CASE WHEN EXISTS (SELECT 1 FROM fact_ticket) THEN 1 ELSE 0 END AS has_tickets
FROM active_counts ac
ORDER BY ac.bucket
