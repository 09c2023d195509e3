-- contribution_share and profit_contribution of the filtered slice: its revenue and gross
-- profit over those of all sales in [date_from, date_to) in the caller's scope. With no
-- dimension filter the slice is everything (share 1); with region = 3 it is region 3's share.
-- The sales are summed per day first and the days put into buckets after: the calendar is
-- joined to a few hundred days, not to every order of a long period.
--#dated
WITH scoped AS (
    SELECT o.order_date, o.revenue, o.cost,
           CASE WHEN (@region_all = 1 OR o.region_id IN @region_ids)
                 AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
                 AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
                 AND (@category_all = 1 OR o.category_id IN @category_ids)
                 AND (@team_all = 1 OR o.team_id IN @team_ids)
                 AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
                 AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
                THEN 1 ELSE 0 END AS in_slice
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
), days AS (
    SELECT order_date,
           SUM(CASE WHEN in_slice = 1 THEN revenue ELSE 0 END) AS slice_revenue,
           SUM(CASE WHEN in_slice = 1 THEN revenue - cost ELSE 0 END) AS slice_gross_profit,
           SUM(revenue) AS total_revenue,
           SUM(revenue - cost) AS total_gross_profit
    FROM scoped
    GROUP BY order_date
), sales AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           s.slice_revenue, s.slice_gross_profit, s.total_revenue, s.total_gross_profit
    FROM days s
    JOIN dim_date d ON d.calendar_date = s.order_date
)
SELECT bucket,
       CAST(SUM(slice_revenue) AS DECIMAL(18,2)) AS slice_revenue,
       CAST(SUM(slice_gross_profit) AS DECIMAL(18,2)) AS slice_gross_profit,
       CAST(SUM(total_revenue) AS DECIMAL(18,2)) AS total_revenue,
       CAST(SUM(total_gross_profit) AS DECIMAL(18,2)) AS total_gross_profit
FROM sales
GROUP BY bucket
ORDER BY bucket
