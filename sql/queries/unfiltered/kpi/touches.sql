-- kpi/touches when nothing is filtered and the scope is everything, from agg_touch_chain: a
-- customer's first touch in a bucket is the row whose previous touch is before the bucket (one
-- per targeted customer), their first responded touch the responded row whose previous
-- responded touch is before it (one per responder): counts, not a grouping of every touch.
--#dated
WITH chain AS (
    SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @date_from END AS bucket,
           s.responded, s.prev_date, s.prev_response_date
    FROM agg_touch_chain s
    WHERE s.sent_date >= @date_from AND s.sent_date < @date_to
      --#include unfiltered_guard
)
SELECT bucket,
       CAST(SUM(CASE WHEN prev_date IS NULL OR prev_date < bucket THEN 1 ELSE 0 END) AS BIGINT) AS targeted,
       CAST(SUM(CASE WHEN responded = 1 AND (prev_response_date IS NULL OR prev_response_date < bucket) THEN 1 ELSE 0 END) AS BIGINT) AS responders
FROM chain
GROUP BY bucket
ORDER BY bucket
