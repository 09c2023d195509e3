-- kpi/touches when nothing is filtered and the scope is everything, from agg_touch_pair's
-- per-day counts of agg_touch_chain's rows: a customer with k touches in a bucket has k rows
-- there and k - 1 whose previous touch is on or after the bucket's start, so the targeted
-- customers are the day counts of the touches (step 0) less those of the previous touches (1)
-- on or after it; the responders likewise from the responded touches (2) and their previous
-- responded touches (3). A few rows a day, not one per touch.
--#dated
WITH pairs AS (
    SELECT CASE WHEN @monthly = 1 THEN p.month_start ELSE @date_from END AS bucket,
           p.step, p.prior_date, p.touches
    FROM agg_touch_pair p
    WHERE p.sent_date >= @date_from AND p.sent_date < @date_to
      --#include unfiltered_guard
)
SELECT bucket,
       CAST(SUM(CASE WHEN step = 0 THEN touches WHEN step = 1 THEN -touches ELSE 0 END) AS BIGINT) AS targeted,
       CAST(SUM(CASE WHEN step = 2 THEN touches WHEN step = 3 THEN -touches ELSE 0 END) AS BIGINT) AS responders
FROM pairs
-- On or after the bucket's start and the window's (a first month cut short starts at the window's).
WHERE prior_date >= bucket AND prior_date >= @date_from
GROUP BY bucket
ORDER BY bucket
