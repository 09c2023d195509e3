-- The date of the customer's second-previous sale of the filtered member, as member_prev_date.
CASE WHEN @region_all = 0 THEN m.prev2_region_date WHEN @segment_all = 0 THEN m.prev2_segment_date
     WHEN @channel_all = 0 THEN m.prev2_channel_date ELSE m.prev2_category_date END
