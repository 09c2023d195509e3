-- Second half: the customers' tickets submitted on or after @from_date that repeat an issue
-- (looking back over all their tickets), in time order so the engine's per-block ranges prune.
INSERT INTO agg_ticket_repeat (ticket_id, customer_id, submitted_at, month_start)
SELECT t.ticket_id, t.customer_id, t.submitted_at, d.month_start
FROM fact_ticket t
JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
WHERE t.customer_id IS NOT NULL
  AND (@all_customers = 1 OR t.customer_id IN @customer_ids)
  AND t.submitted_at >= @from_date
  --#include ticket_repeats_issue
ORDER BY t.submitted_at
