-- The customers and submission times of existing tickets with these source ids: an idempotent
-- re-send replaces them, so agg_ticket_repeat of those customers from those days is refreshed too.
SELECT t.customer_id, t.submitted_at
FROM fact_ticket t
WHERE t.ticket_code IN @codes
