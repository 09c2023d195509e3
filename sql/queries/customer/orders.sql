-- One customer's orders in [date_from, date_to) under the sales filters, cancelled ones
-- included (their status says so): the last step of the drill. Sorted and paged by the database.
-- A scope sees its own orders of a customer it owns, nothing of anyone else's customer.
WITH listed AS (
    SELECT o.order_id, o.order_code, o.order_date, ch.name AS channel, cat.name AS category, cp.name AS campaign,
           o.revenue, o.revenue - o.cost AS gross_profit, o.items, o.returned_value, o.status,
           COUNT(*) OVER () AS total_rows
    FROM fact_order o
    LEFT JOIN dim_channel ch ON ch.channel_id = o.channel_id
    LEFT JOIN dim_category cat ON cat.category_id = o.category_id
    LEFT JOIN dim_campaign cp ON cp.campaign_id = o.campaign_id
    WHERE o.customer_id = @customer_id
      AND o.order_date >= @date_from AND o.order_date < @date_to
      AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
      AND (@category_all = 1 OR o.category_id IN @category_ids)
      AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
      AND EXISTS (
        SELECT 1 FROM dim_customer c
        WHERE c.customer_id = @customer_id
          --#include owned_customer
      )
)
SELECT order_id, order_code, order_date, channel, category, campaign,
       CAST(revenue AS DECIMAL(18,2)) AS revenue,
       CAST(gross_profit AS DECIMAL(18,2)) AS gross_profit,
       items,
       CAST(returned_value AS DECIMAL(18,2)) AS returned_value,
       status, total_rows
FROM listed
ORDER BY
    --#include table_sort/customer-orders
    order_id DESC
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
