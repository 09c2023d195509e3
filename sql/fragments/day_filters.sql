-- The dashboard filters on agg_sale_day aliased "o", for the twins that read it: its rows carry region,
-- segment, channel, category and team (day_guard: nothing else filtered, the whole scope).
AND (@region_all = 1 OR o.region_id IN @region_ids)
AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
AND (@category_all = 1 OR o.category_id IN @category_ids)
AND (@team_all = 1 OR o.team_id IN @team_ids)
--#include day_guard
