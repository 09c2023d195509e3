-- complaint_rate: active customers of the period (a sale in [date_from, date_to)) with at
-- least one complaint ticket submitted in it, over the active customers. The numerator is a
-- subset of the denominator (KPIS.md §3), so the rate never exceeds 100 %: a customer who
-- complained but bought nothing in the period is left out of both.
-- Both sides filter on the customer's region, segment and owner rep, so they describe the
-- same customers; sales channel, category and campaign do not apply.
-- has_tickets is 0 when no ticket was recorded before the period's end (a database fed only
-- order lines): the rate is then undefined ("no data"), not 0. (Up to the period's end, so the
-- result depends on nothing dated after it.)
-- Additive, as its unfiltered twin: per bucket (the window from @window_from, or the month) a
-- customer is active in the days scanned when none of their sales in the bucket came before
-- them, and a complainant where they first have both a complaint and a sale in it. Only the
-- customers with a sale or a complaint in the days scanned are looked up in the days before
-- (none when the scan starts the bucket), so after a write dated today the cache recomputes
-- today for today's customers, not the whole window.
--#dated
--#additive
WITH customers AS (
    SELECT c.customer_id
    FROM dim_customer c
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE (@region_all = 1 OR c.region_id IN @region_ids)
      AND (@segment_all = 1 OR c.segment_id IN @segment_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR c.owner_rep_id IN @rep_ids)
      --#include owned_customer
), touched AS (
    -- The customers with a sale (sold = 1) or a complaint (complained = 1) in the days scanned.
    SELECT bucket, customer_id, MAX(sold) AS sold, MAX(complained) AS complained
    FROM (
        SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket, o.customer_id, 1 AS sold, 0 AS complained
        FROM fact_order o
        JOIN customers c ON c.customer_id = o.customer_id
        JOIN dim_date d ON d.calendar_date = o.order_date
        WHERE o.order_date >= @date_from AND o.order_date < @date_to
          --#include sale
        UNION ALL
        SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END, t.customer_id, 0, 1
        FROM fact_ticket t
        JOIN customers c ON c.customer_id = t.customer_id
        JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
        WHERE t.is_complaint = 1
          AND t.submitted_at >= @date_from AND t.submitted_at < @date_to
    ) scanned
    GROUP BY bucket, customer_id
), sold_before AS (
    -- Their sales and complaints in their bucket before the days scanned.
    SELECT DISTINCT k.bucket, k.customer_id
    FROM fact_order o
    JOIN touched k ON k.customer_id = o.customer_id
    WHERE o.order_date >= @window_from AND o.order_date < @date_from
      AND o.order_date >= k.bucket
      --#include sale
), complained_before AS (
    SELECT DISTINCT k.bucket, k.customer_id
    FROM fact_ticket t
    JOIN touched k ON k.customer_id = t.customer_id
    WHERE t.is_complaint = 1
      AND t.submitted_at >= @window_from AND t.submitted_at < @date_from
      AND t.submitted_at >= k.bucket
), flagged AS (
    SELECT k.bucket, k.sold, k.complained,
           CASE WHEN s.customer_id IS NULL THEN 0 ELSE 1 END AS sold_before,
           CASE WHEN p.customer_id IS NULL THEN 0 ELSE 1 END AS complained_before
    FROM touched k
    LEFT JOIN sold_before s ON s.bucket = k.bucket AND s.customer_id = k.customer_id
    LEFT JOIN complained_before p ON p.bucket = k.bucket AND p.customer_id = k.customer_id
), complaining_counts AS (
    -- Both a sale and a complaint in the bucket up to the days' end, not both before them.
    SELECT bucket, COUNT(*) AS complaining_customers
    FROM flagged
    WHERE (sold = 1 OR sold_before = 1) AND (complained = 1 OR complained_before = 1)
      AND NOT (sold_before = 1 AND complained_before = 1)
    GROUP BY bucket
), active_counts AS (
    SELECT bucket, COUNT(*) AS active_customers
    FROM flagged
    WHERE sold = 1 AND sold_before = 0
    GROUP BY bucket
),
--#include complaint_rows
