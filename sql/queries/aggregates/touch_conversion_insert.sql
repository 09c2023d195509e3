-- Second half: the customers' touches of a known campaign, each with whether a sale of the
-- customer (any team; sql/fragments/sale.sql) fell in its attribution window [sent day, campaign
-- end + attribution days) (docs/KPIS.md, conversion_rate; day numbers of dim_date, as
-- sql/fragments/touch_window.sql), and the sent dates of the customer's previous touch, previous
-- responded, previous converted and previous responded-and-converted touch (touches ordered by
-- sent date, then campaign), and the same three within the touch's campaign, written in date
-- order so the engine's per-block date ranges prune.
INSERT INTO agg_touch_conversion (customer_id, campaign_id, sent_date, month_start, responded, converted,
                                  prev_date, prev_response_date, prev_converted_date, prev_responded_converted_date,
                                  prev_campaign_date, prev_campaign_response_date, prev_campaign_converted_date)
SELECT s.customer_id, s.campaign_id, s.sent_date, s.month_start, s.responded, s.converted,
       LAG(s.sent_date, 1) OVER (PARTITION BY s.customer_id ORDER BY s.sent_date, s.campaign_id) AS prev_date,
       MAX(CASE WHEN s.responded = 1 THEN s.sent_date END) OVER (
           PARTITION BY s.customer_id ORDER BY s.sent_date, s.campaign_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_response_date,
       MAX(CASE WHEN s.converted = 1 THEN s.sent_date END) OVER (
           PARTITION BY s.customer_id ORDER BY s.sent_date, s.campaign_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_converted_date,
       MAX(CASE WHEN s.responded = 1 AND s.converted = 1 THEN s.sent_date END) OVER (
           PARTITION BY s.customer_id ORDER BY s.sent_date, s.campaign_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_responded_converted_date,
       LAG(s.sent_date, 1) OVER (PARTITION BY s.customer_id, s.campaign_id ORDER BY s.sent_date) AS prev_campaign_date,
       MAX(CASE WHEN s.responded = 1 THEN s.sent_date END) OVER (
           PARTITION BY s.customer_id, s.campaign_id ORDER BY s.sent_date
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_campaign_response_date,
       MAX(CASE WHEN s.converted = 1 THEN s.sent_date END) OVER (
           PARTITION BY s.customer_id, s.campaign_id ORDER BY s.sent_date
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_campaign_converted_date
FROM (
    SELECT t.customer_id, t.campaign_id, t.sent_date, d.month_start, t.responded,
           MAX(CASE WHEN sd.customer_id IS NULL THEN 0 ELSE 1 END) AS converted
    FROM fact_campaign_touch t
    JOIN dim_date d ON d.calendar_date = t.sent_date
    JOIN dim_campaign k ON k.campaign_id = t.campaign_id
    JOIN dim_date ce ON ce.calendar_date = k.end_date
    LEFT JOIN (
        -- The customers' sale days ("o" is what the sale fragment reads).
        SELECT DISTINCT o.customer_id, od.day_number
        FROM fact_order o
        JOIN dim_date od ON od.calendar_date = o.order_date
        WHERE o.customer_id IS NOT NULL
          --#include sale
          AND (@all_customers = 1 OR o.customer_id IN @customer_ids)
    ) sd ON sd.customer_id = t.customer_id AND sd.day_number >= d.day_number AND sd.day_number < ce.day_number + k.attribution_days
    WHERE (@all_customers = 1 OR t.customer_id IN @customer_ids)
    GROUP BY t.customer_id, t.campaign_id, t.sent_date, d.month_start, t.responded
) s
ORDER BY s.sent_date
