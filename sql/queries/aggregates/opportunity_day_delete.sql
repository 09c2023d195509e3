-- First half of refreshing agg_opportunity_day for some close days (or all): drop their rows.
DELETE FROM agg_opportunity_day
WHERE @all_days = 1 OR closed_date IN @dates
