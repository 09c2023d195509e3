-- First half of refreshing agg_campaign_sale_day for some days (or all): drop their rows.
DELETE FROM agg_campaign_sale_day
WHERE @all_days = 1 OR sale_date IN @dates
