-- is_repeat of a ticket "t" submitted on the dim_date day "d": 1 when the same customer submitted
-- a ticket of the same category before it, at most 30 calendar days earlier (repeat_issue_rate).
CASE WHEN EXISTS (
    SELECT 1
    FROM fact_ticket p
    JOIN dim_date pd ON pd.calendar_date = CAST(p.submitted_at AS DATE)
    WHERE p.customer_id = t.customer_id
      AND p.category = t.category
      AND (p.submitted_at < t.submitted_at OR (p.submitted_at = t.submitted_at AND p.ticket_id < t.ticket_id))
      AND pd.day_number >= d.day_number - 30) THEN 1 ELSE 0 END AS is_repeat
