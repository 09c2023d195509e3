-- The CTE "names": every member of the dimensions the Contribution page breaks down by, with its
-- dimension ('region', 'segment', 'channel', 'category') and name.
names AS (
    SELECT 'region' AS dimension, region_id AS member_id, name FROM dim_region
    UNION ALL SELECT 'segment', segment_id, name FROM dim_segment
    UNION ALL SELECT 'channel', channel_id, name FROM dim_channel
    UNION ALL SELECT 'category', category_id, name FROM dim_category
)
