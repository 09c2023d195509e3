-- Opportunities closed (won or lost) in [date_from, date_to): win_rate, loss_rate and the sales
-- cycle of the won ones (Σ days from created to closed). Each counts for the team its rep sold
-- for in the month it closed; region is that team's, segment the customer's.
-- Dated: opportunities by close date, and the quota months of those closes, inside the window only.
--#dated
WITH
--#include rep_month_team
,
--#include closed_opportunities
SELECT bucket,
       COUNT(*) AS closed,
       CAST(SUM(CASE WHEN stage = 'won' THEN 1 ELSE 0 END) AS BIGINT) AS won,
       CAST(SUM(CASE WHEN stage = 'lost' THEN 1 ELSE 0 END) AS BIGINT) AS lost,
       CAST(SUM(CASE WHEN stage = 'won' THEN cycle_days ELSE 0 END) AS BIGINT) AS won_cycle_days
FROM closed_opportunities
GROUP BY bucket
ORDER BY bucket
