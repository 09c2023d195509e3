-- Second half: every sale on the day of the first-ever sale, for the customers (of the
-- write, or all) that have no row now, with the customer's acquisition campaign and channel,
-- and 1 in is_first_row on the customer's row with the lowest order id (a customer's rows are
-- always deleted and inserted together, so the flag holds).
-- A sale: sql/fragments/sale.sql.
INSERT INTO agg_first_sale (customer_id, order_id, first_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id,
                            acquisition_campaign_id, acquisition_channel_id, is_first_row)
SELECT o.customer_id, o.order_id, o.order_date, o.rep_id, o.team_id, o.region_id, o.segment_id, o.channel_id, o.category_id, o.campaign_id,
       cu.acquisition_campaign_id, cu.acquisition_channel_id,
       CASE WHEN ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.order_id) = 1 THEN 1 ELSE 0 END
FROM fact_order o
JOIN (
    -- "o" again (a derived table has its own names): the sale fragment reads "o".
    SELECT o.customer_id, MIN(o.order_date) AS first_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      AND (@all_customers = 1 OR o.customer_id IN @customer_ids)
    GROUP BY o.customer_id
) f ON f.customer_id = o.customer_id AND f.first_date = o.order_date
LEFT JOIN dim_customer cu ON cu.customer_id = o.customer_id
WHERE NOT EXISTS (SELECT 1 FROM agg_first_sale a WHERE a.customer_id = o.customer_id)
  --#include sale
ORDER BY o.order_date, o.order_id
