-- Second half: every sale on the day of the first-ever sale, for the customers (of the
-- write, or all) that have no row now. A sale: not cancelled, revenue above 0 (KPIS.md).
INSERT INTO agg_first_sale (customer_id, order_id, first_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id)
SELECT o.customer_id, o.order_id, o.order_date, o.rep_id, o.team_id, o.region_id, o.segment_id, o.channel_id, o.category_id, o.campaign_id
FROM fact_order o
JOIN (
    SELECT s.customer_id, MIN(s.order_date) AS first_date
    FROM fact_order s
    WHERE s.customer_id IS NOT NULL
      AND s.status <> 'cancelled' AND s.revenue > 0
      AND (@all_customers = 1 OR s.customer_id IN @customer_ids)
    GROUP BY s.customer_id
) f ON f.customer_id = o.customer_id AND f.first_date = o.order_date
WHERE o.status <> 'cancelled' AND o.revenue > 0
  AND NOT EXISTS (SELECT 1 FROM agg_first_sale a WHERE a.customer_id = o.customer_id)
ORDER BY o.order_date, o.order_id
