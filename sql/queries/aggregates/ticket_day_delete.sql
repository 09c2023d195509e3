-- First half of refreshing agg_ticket_day for some days (or all): drop their rows.
DELETE FROM agg_ticket_day
WHERE @all_days = 1 OR submitted_date IN @dates
