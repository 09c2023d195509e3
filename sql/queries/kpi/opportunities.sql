-- Opportunities closed (won or lost) in [date_from, date_to): win_rate, loss_rate and the sales
-- cycle of the won ones (Σ days from created to closed). Each counts for the team its rep sold
-- for in the month it closed; region is that team's, segment the customer's.
-- Counted per close day and rep (closed_opportunity_counts: agg_opportunity_day unless a segment
-- is filtered). Dated: opportunities by close date, and the quota months of those closes, inside the window only.
--#dated
WITH
--#include rep_month_team
,
--#include closed_opportunities
,
--#include closed_opportunity_counts
SELECT bucket,
       CAST(SUM(closed) AS BIGINT) AS closed,
       CAST(SUM(won) AS BIGINT) AS won,
       CAST(SUM(lost) AS BIGINT) AS lost,
       CAST(SUM(won_cycle_days) AS BIGINT) AS won_cycle_days
FROM closed_counts
GROUP BY bucket
ORDER BY bucket
