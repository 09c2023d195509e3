-- First half of refreshing agg_survey_day for some days (or all): drop their rows.
DELETE FROM agg_survey_day
WHERE @all_days = 1 OR survey_date IN @dates
