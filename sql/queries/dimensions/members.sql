-- Every filterable dimension member, for filter pickers and URL validation.
-- parent_id: a team's region, a rep's team, a campaign's marketing channel.
-- Teams and reps outside the caller's team scope are not offered.
SELECT 'region' AS kind, region_id AS id, name, CAST(NULL AS INTEGER) AS parent_id FROM dim_region
UNION ALL
SELECT 'segment', segment_id, name, CAST(NULL AS INTEGER) FROM dim_segment
UNION ALL
SELECT 'channel', channel_id, name, CAST(NULL AS INTEGER) FROM dim_channel
UNION ALL
SELECT 'category', category_id, name, CAST(NULL AS INTEGER) FROM dim_category
UNION ALL
SELECT 'team', team_id, name, region_id FROM dim_team
WHERE (@scope_all = 1 OR team_id IN @scope_team_ids)
UNION ALL
SELECT 'rep', rep_id, name, team_id FROM dim_rep
WHERE (@scope_all = 1 OR team_id IN @scope_team_ids
       -- a rep who sold for a team in scope in some month (and has moved since) is offered too
       OR rep_id IN (SELECT q.rep_id FROM fact_quota q WHERE q.team_id IN @scope_team_ids))
UNION ALL
SELECT 'campaign', campaign_id, name, marketing_channel_id FROM dim_campaign
ORDER BY kind, id
