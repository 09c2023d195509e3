-- The dashboard filters and the team scope on a fact_order aliased "o".
AND (@region_all = 1 OR o.region_id IN @region_ids)
AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
AND (@category_all = 1 OR o.category_id IN @category_ids)
AND (@team_all = 1 OR o.team_id IN @team_ids)
AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
