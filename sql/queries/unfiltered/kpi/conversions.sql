-- kpi/conversions when nothing is filtered and the scope is everything, from agg_conversion_pair's
-- per-day counts of agg_touch_conversion's rows: a customer with k touches in a bucket has k rows
-- there and k - 1 whose previous touch is on or after the bucket's start, so the targeted
-- customers are the day counts of the touches (step 0) less those of the previous touches (1) on
-- or after it; likewise the responders (2, 3), the converted (4, 5) and the responded and
-- converted (6, 7). A few rows a day, not a range join and a grouping of every touch. Not dated,
-- as its namesake: a sale after the window can convert a touch inside it.
WITH pairs AS (
    SELECT CASE WHEN @monthly = 1 THEN p.month_start ELSE @date_from END AS bucket,
           p.step, p.prior_date, p.touches
    FROM agg_conversion_pair p
    WHERE p.sent_date >= @date_from AND p.sent_date < @date_to
      --#include unfiltered_guard
)
SELECT bucket,
       CAST(SUM(CASE WHEN step = 0 THEN touches WHEN step = 1 THEN -touches ELSE 0 END) AS BIGINT) AS targeted,
       CAST(SUM(CASE WHEN step = 2 THEN touches WHEN step = 3 THEN -touches ELSE 0 END) AS BIGINT) AS responders,
       CAST(SUM(CASE WHEN step = 4 THEN touches WHEN step = 5 THEN -touches ELSE 0 END) AS BIGINT) AS converted,
       CAST(SUM(CASE WHEN step = 6 THEN touches WHEN step = 7 THEN -touches ELSE 0 END) AS BIGINT) AS responded_converted
FROM pairs
-- On or after the bucket's start and the window's (a first month cut short starts at the window's).
WHERE prior_date >= bucket AND prior_date >= @date_from
GROUP BY bucket
ORDER BY bucket
