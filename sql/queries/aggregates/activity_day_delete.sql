-- First half of refreshing agg_activity_day for some days (or all): drop their rows.
DELETE FROM agg_activity_day
WHERE @all_days = 1 OR activity_date IN @dates
