-- Second half: the counts of @from_date and later again, from agg_sale_chain: per sale day,
-- the day's rows (steps_back 0, prior_date the day itself), its rows per previous-sale date
-- (1; NULL: first-ever sales) and per second-previous-sale date (2); written in date order so
-- the engine's per-block date ranges keep pruning.
INSERT INTO agg_sale_pair (sale_date, month_start, steps_back, prior_date, sales)
SELECT sale_date, month_start, steps_back, prior_date, COUNT(*)
FROM (
    SELECT s.sale_date, s.month_start, 0 AS steps_back, s.sale_date AS prior_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @from_date
    UNION ALL
    SELECT s.sale_date, s.month_start, 1, s.prev_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @from_date
    UNION ALL
    SELECT s.sale_date, s.month_start, 2, s.prev2_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @from_date AND s.prev2_date IS NOT NULL
) p
GROUP BY sale_date, month_start, steps_back, prior_date
ORDER BY sale_date, steps_back, prior_date
