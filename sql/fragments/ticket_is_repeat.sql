-- is_repeat of a ticket "t" as a column: 1 when it repeats an issue (sql/fragments/ticket_repeats_issue.sql),
-- read from agg_ticket_repeat (a lookup of a few thousand ids, not a search of earlier tickets).
CASE WHEN EXISTS (SELECT 1 FROM agg_ticket_repeat rp WHERE rp.ticket_id = t.ticket_id) THEN 1 ELSE 0 END AS is_repeat
