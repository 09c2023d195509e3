-- kpi/conversions when nothing is filtered and the scope is everything, from agg_touch_conversion:
-- a customer's first touch in a bucket is the row whose previous touch is before the bucket (one
-- per targeted customer); likewise their first responded, first converted and first responded
-- and converted touch: counts, not a range join and a grouping of every touch. Not dated, as its
-- namesake: a sale after the window can convert a touch inside it.
WITH chain AS (
    SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @date_from END AS bucket,
           s.responded, s.converted, s.prev_date, s.prev_response_date, s.prev_converted_date, s.prev_responded_converted_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @date_from AND s.sent_date < @date_to
      --#include unfiltered_guard
)
-- "Before the bucket": before its month (monthly) and before @date_from (a first month cut short).
SELECT bucket,
       CAST(SUM(CASE WHEN prev_date >= bucket AND prev_date >= @date_from THEN 0 ELSE 1 END) AS BIGINT) AS targeted,
       CAST(SUM(CASE WHEN responded = 0 OR (prev_response_date >= bucket AND prev_response_date >= @date_from) THEN 0 ELSE 1 END) AS BIGINT) AS responders,
       CAST(SUM(CASE WHEN converted = 0 OR (prev_converted_date >= bucket AND prev_converted_date >= @date_from) THEN 0 ELSE 1 END) AS BIGINT) AS converted,
       CAST(SUM(CASE WHEN responded = 0 OR converted = 0
                       OR (prev_responded_converted_date >= bucket AND prev_responded_converted_date >= @date_from) THEN 0 ELSE 1 END) AS BIGINT) AS responded_converted
FROM chain
GROUP BY bucket
ORDER BY bucket
