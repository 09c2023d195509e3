-- Second half: the customers' sales on or after @from_date with their month, revenue and first-ever
-- sale date and, per dimension, the dates of their previous and second-previous sale of the same
-- member (over all their sales, ordered by date, then order id; a sale without a member follows the
-- customer's earlier sales without one), written in date order so the engine's per-block date
-- ranges keep pruning. A write dated before a customer's first sale, or removing it, starts at or
-- before that sale, so every row whose first-ever date changes is written again.
INSERT INTO agg_member_chain (customer_id, sale_date, month_start, region_id, segment_id, channel_id, category_id,
                              prev_region_date, prev_segment_date, prev_channel_date, prev_category_date,
                              prev2_region_date, prev2_segment_date, prev2_channel_date, prev2_category_date, revenue, first_date)
SELECT s.customer_id, s.order_date, d.month_start, s.region_id, s.segment_id, s.channel_id, s.category_id,
       s.prev_region_date, s.prev_segment_date, s.prev_channel_date, s.prev_category_date,
       s.prev2_region_date, s.prev2_segment_date, s.prev2_channel_date, s.prev2_category_date, s.revenue, s.first_date
FROM (
    SELECT o.customer_id, o.order_date, o.region_id, o.segment_id, o.channel_id, o.category_id, o.revenue,
           MIN(o.order_date) OVER (PARTITION BY o.customer_id) AS first_date,
           LAG(o.order_date, 1) OVER (PARTITION BY o.customer_id, o.region_id ORDER BY o.order_date, o.order_id) AS prev_region_date,
           LAG(o.order_date, 1) OVER (PARTITION BY o.customer_id, o.segment_id ORDER BY o.order_date, o.order_id) AS prev_segment_date,
           LAG(o.order_date, 1) OVER (PARTITION BY o.customer_id, o.channel_id ORDER BY o.order_date, o.order_id) AS prev_channel_date,
           LAG(o.order_date, 1) OVER (PARTITION BY o.customer_id, o.category_id ORDER BY o.order_date, o.order_id) AS prev_category_date,
           LAG(o.order_date, 2) OVER (PARTITION BY o.customer_id, o.region_id ORDER BY o.order_date, o.order_id) AS prev2_region_date,
           LAG(o.order_date, 2) OVER (PARTITION BY o.customer_id, o.segment_id ORDER BY o.order_date, o.order_id) AS prev2_segment_date,
           LAG(o.order_date, 2) OVER (PARTITION BY o.customer_id, o.channel_id ORDER BY o.order_date, o.order_id) AS prev2_channel_date,
           LAG(o.order_date, 2) OVER (PARTITION BY o.customer_id, o.category_id ORDER BY o.order_date, o.order_id) AS prev2_category_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      AND (@all_customers = 1 OR o.customer_id IN @customer_ids)
) s
JOIN dim_date d ON d.calendar_date = s.order_date
WHERE s.order_date >= @from_date
ORDER BY s.order_date
