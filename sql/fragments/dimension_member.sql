-- The member of one dimension (@dimension: 'region', 'segment', 'channel' or 'category') on a row
-- aliased "o" that carries the four ids (a sale, an agg_sale_day row, an agg_member_chain row);
-- NULL when the row has none.
CASE WHEN @dimension = 'region' THEN o.region_id
     WHEN @dimension = 'segment' THEN o.segment_id
     WHEN @dimension = 'channel' THEN o.channel_id
     WHEN @dimension = 'category' THEN o.category_id END
