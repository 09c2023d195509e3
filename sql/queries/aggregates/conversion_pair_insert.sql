-- Second half: the counts of @from_date and later again, from agg_touch_conversion: per sent day,
-- the day's touches (step 0, prior_date the day itself) and those per previous-touch date (1);
-- likewise the responded touches (2) and their previous responded touches (3), the converted (4,
-- 5) and the responded-and-converted (6, 7). A NULL previous date is never on or after a bucket's
-- start, so it has no row. Written in date order so the engine's per-block date ranges prune.
INSERT INTO agg_conversion_pair (sent_date, month_start, step, prior_date, touches)
SELECT sent_date, month_start, step, prior_date, COUNT(*)
FROM (
    SELECT s.sent_date, s.month_start, 0 AS step, s.sent_date AS prior_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date
    UNION ALL
    SELECT s.sent_date, s.month_start, 1, s.prev_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date AND s.prev_date IS NOT NULL
    UNION ALL
    SELECT s.sent_date, s.month_start, 2, s.sent_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date AND s.responded = 1
    UNION ALL
    SELECT s.sent_date, s.month_start, 3, s.prev_response_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date AND s.responded = 1 AND s.prev_response_date IS NOT NULL
    UNION ALL
    SELECT s.sent_date, s.month_start, 4, s.sent_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date AND s.converted = 1
    UNION ALL
    SELECT s.sent_date, s.month_start, 5, s.prev_converted_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date AND s.converted = 1 AND s.prev_converted_date IS NOT NULL
    UNION ALL
    SELECT s.sent_date, s.month_start, 6, s.sent_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date AND s.responded = 1 AND s.converted = 1
    UNION ALL
    SELECT s.sent_date, s.month_start, 7, s.prev_responded_converted_date
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @from_date AND s.responded = 1 AND s.converted = 1 AND s.prev_responded_converted_date IS NOT NULL
) p
GROUP BY sent_date, month_start, step, prior_date
ORDER BY sent_date, step, prior_date
