-- The CTEs "flagged" and "complaining_counts" of kpi/complaints and its unfiltered twin, after
-- their CTE "complaints" (bucket, customer_id, complaint_day and agg_complaint_sale's prev_sale,
-- next_sale, next_month of the complaint days from the window's start to the scan's end).
flagged AS (
    -- Per bucket and complainant: whether they have both a complaint and a sale in the bucket
    -- by the scan's end, and already by its start. With a complaint on day k in the bucket, a
    -- sale in it up to x exists exactly when the sale before k is on or after the bucket's
    -- start, or the sale after k is before x (and, by month, in k's month). A window by month
    -- starts on a month's first day (DateRange.TrailingMonths), as agg_sale_pair's counts assume.
    SELECT bucket, customer_id,
           MAX(CASE WHEN prev_sale >= bucket
                      OR (next_sale < @date_to AND (@monthly <> 1 OR next_month = bucket)) THEN 1 ELSE 0 END) AS by_end,
           MAX(CASE WHEN complaint_day < @date_from
                     AND (prev_sale >= bucket
                       OR (next_sale < @date_from AND (@monthly <> 1 OR next_month = bucket))) THEN 1 ELSE 0 END) AS by_start
    FROM complaints
    GROUP BY bucket, customer_id
), complaining_counts AS (
    -- Counted in the part of the window where they first have both.
    SELECT bucket, COUNT(*) AS complaining_customers
    FROM flagged
    WHERE by_end = 1 AND by_start = 0
    GROUP BY bucket
)