-- A ticket "t" submitted on the dim_date day "d" repeats an issue (repeat_issue_rate) when the same
-- customer submitted a ticket of the same category before it, at most 30 calendar days earlier
-- (by submission day, day numbers of dim_date; tickets submitted at the same moment are ordered
-- by id). The only place this rule is written: agg_ticket_repeat holds the tickets it selects,
-- and the queries read that (sql/fragments/ticket_is_repeat.sql).
AND EXISTS (
    SELECT 1
    FROM fact_ticket p
    JOIN dim_date pd ON pd.calendar_date = CAST(p.submitted_at AS DATE)
    WHERE p.customer_id = t.customer_id
      AND p.category = t.category
      AND (p.submitted_at < t.submitted_at OR (p.submitted_at = t.submitted_at AND p.ticket_id < t.ticket_id))
      AND pd.day_number >= d.day_number - 30)
