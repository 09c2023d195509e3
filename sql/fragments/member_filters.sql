-- The rows of agg_member_chain "m" of the one member filtered, for the twins under queries/member/
-- (member_guard: no rows for any other arguments).
AND (@region_all = 1 OR m.region_id IN @region_ids)
AND (@segment_all = 1 OR m.segment_id IN @segment_ids)
AND (@channel_all = 1 OR m.channel_id IN @channel_ids)
AND (@category_all = 1 OR m.category_id IN @category_ids)
--#include member_guard
