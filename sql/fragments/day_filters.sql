-- The dashboard filters on agg_sale_day "a", for the twins that read it: its rows carry region,
-- segment, channel, category and team but no rep or campaign, and the twins serve the whole scope
-- only, so a filter on rep or campaign, or any other scope, gives no rows (fails closed).
AND (@region_all = 1 OR a.region_id IN @region_ids)
AND (@segment_all = 1 OR a.segment_id IN @segment_ids)
AND (@channel_all = 1 OR a.channel_id IN @channel_ids)
AND (@category_all = 1 OR a.category_id IN @category_ids)
AND (@team_all = 1 OR a.team_id IN @team_ids)
AND @rep_all = 1 AND @campaign_all = 1 AND @scope_all = 1
