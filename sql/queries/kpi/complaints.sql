-- complaint_rate: active customers of the period (a sale in [date_from, date_to)) with at
-- least one complaint ticket submitted in it, over the active customers. The numerator is a
-- subset of the denominator (KPIS.md §3), so the rate never exceeds 100 %: a customer who
-- complained but bought nothing in the period is left out of both.
-- Both sides filter on the customer's region, segment and owner rep, so they describe the
-- same customers; sales channel, category and campaign do not apply.
-- has_tickets is 0 when no ticket was recorded before the period's end (a database fed only
-- order lines): the rate is then undefined ("no data"), not 0. (Up to the period's end, so the
-- result depends on nothing dated after it.)
--#dated
WITH customers AS (
    SELECT c.customer_id
    FROM dim_customer c
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE (@region_all = 1 OR c.region_id IN @region_ids)
      AND (@segment_all = 1 OR c.segment_id IN @segment_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR c.owner_rep_id IN @rep_ids)
      --#include owned_customer
), active AS (
    SELECT DISTINCT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, o.customer_id
    FROM fact_order o
    JOIN customers c ON c.customer_id = o.customer_id
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
), complaining AS (
    SELECT DISTINCT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, t.customer_id
    FROM fact_ticket t
    JOIN customers c ON c.customer_id = t.customer_id
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    WHERE t.is_complaint = 1
      AND t.submitted_at >= @date_from AND t.submitted_at < @date_to
), complaining_counts AS (
    -- Complainants are counted only where they are active in the same bucket.
    SELECT k.bucket, COUNT(*) AS complaining_customers
    FROM complaining k
    JOIN active a ON a.bucket = k.bucket AND a.customer_id = k.customer_id
    GROUP BY k.bucket
), active_counts AS (
    SELECT bucket, COUNT(*) AS active_customers FROM active GROUP BY bucket
),
--#include complaint_rows
