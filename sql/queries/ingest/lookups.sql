-- Members an ingested record may name, matched by name (case-insensitive, in C#).
-- team_id and region_id: a rep's team and region, for the order's snapshots.
SELECT 'region' AS kind, region_id AS id, name, CAST(NULL AS INTEGER) AS team_id, CAST(NULL AS INTEGER) AS region_id FROM dim_region
UNION ALL
SELECT 'channel', channel_id, name, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER) FROM dim_channel
UNION ALL
SELECT 'category', category_id, name, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER) FROM dim_category
UNION ALL
SELECT 'rep', rep_id, name, team_id, region_id FROM dim_rep
UNION ALL
SELECT 'campaign', campaign_id, name, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER) FROM dim_campaign
UNION ALL
SELECT 'agent', agent_id, name, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER) FROM dim_agent
