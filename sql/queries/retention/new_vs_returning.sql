-- Revenue per calendar month in [date_from, date_to) split by who bought: customers in the
-- month of their first-ever sale (new), other customers (returning), and anonymous sales.
WITH first_months AS (
    SELECT o.customer_id, MIN(d.month_start) AS first_month
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.customer_id IS NOT NULL
      AND o.order_date < @date_to
      AND o.status <> 'cancelled' AND o.revenue > 0
    GROUP BY o.customer_id
), sales AS (
    SELECT d.month_start AS bucket, o.revenue,
           CASE WHEN o.customer_id IS NULL THEN 'anonymous'
                WHEN f.first_month = d.month_start THEN 'new'
                ELSE 'returning' END AS buyer
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    LEFT JOIN first_months f ON f.customer_id = o.customer_id
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.status <> 'cancelled' AND o.revenue > 0
      AND (@region_all = 1 OR o.region_id IN @region_ids)
      AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
      AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
      AND (@category_all = 1 OR o.category_id IN @category_ids)
      AND (@team_all = 1 OR o.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
)
SELECT bucket,
       CAST(SUM(CASE WHEN buyer = 'new' THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS new_revenue,
       CAST(SUM(CASE WHEN buyer = 'returning' THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS returning_revenue,
       CAST(SUM(CASE WHEN buyer = 'anonymous' THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS anonymous_revenue
FROM sales
GROUP BY bucket
ORDER BY bucket
