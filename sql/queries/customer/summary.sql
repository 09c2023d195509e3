-- One customer's sales: in [date_from, date_to) under the filters, and over their whole life.
WITH sales AS (
    SELECT o.order_date, o.revenue, o.cost, o.items, o.returned_value,
           CASE WHEN o.order_date >= @date_from AND o.order_date < @date_to
                 AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
                 AND (@category_all = 1 OR o.category_id IN @category_ids)
                 AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
                THEN 1 ELSE 0 END AS in_period,
           --#include is_sale
    FROM fact_order o
    WHERE o.customer_id = @customer_id
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
      AND EXISTS (
        SELECT 1 FROM dim_customer c
        WHERE c.customer_id = @customer_id
          --#include owned_customer
      )
)
SELECT
    CAST(COALESCE(SUM(CASE WHEN is_sale = 1 AND in_period = 1 THEN revenue END), 0) AS DECIMAL(18,2)) AS revenue,
    CAST(COALESCE(SUM(CASE WHEN is_sale = 1 AND in_period = 1 THEN revenue - cost END), 0) AS DECIMAL(18,2)) AS gross_profit,
    CAST(COALESCE(SUM(CASE WHEN is_sale = 1 AND in_period = 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS orders,
    CAST(COALESCE(SUM(CASE WHEN in_period = 1 THEN returned_value END), 0) AS DECIMAL(18,2)) AS returns_value,
    CAST(COALESCE(SUM(CASE WHEN is_sale = 1 THEN revenue END), 0) AS DECIMAL(18,2)) AS lifetime_revenue,
    CAST(COALESCE(SUM(is_sale), 0) AS BIGINT) AS lifetime_orders,
    MIN(CASE WHEN is_sale = 1 THEN order_date END) AS first_order,
    MAX(CASE WHEN is_sale = 1 THEN order_date END) AS last_order
FROM sales
