-- The date of the customer's previous sale of the filtered member, on agg_member_chain "m": of
-- its dimension's column (member_guard: exactly one of the four is filtered).
CASE WHEN @region_all = 0 THEN m.prev_region_date WHEN @segment_all = 0 THEN m.prev_segment_date
     WHEN @channel_all = 0 THEN m.prev_channel_date ELSE m.prev_category_date END
