-- Second half: the customers' touches sent on or after @from_date with the sent dates of their
-- previous touch and previous responded touch (over all their touches, ordered by sent date,
-- then campaign; a touch is identified by campaign, customer and sent date), in date order.
INSERT INTO agg_touch_chain (customer_id, sent_date, month_start, responded, prev_date, prev_response_date)
SELECT s.customer_id, s.sent_date, d.month_start, s.responded, s.prev_date, s.prev_response_date
FROM (
    SELECT t.customer_id, t.sent_date, t.responded,
           LAG(t.sent_date, 1) OVER (PARTITION BY t.customer_id ORDER BY t.sent_date, t.campaign_id) AS prev_date,
           MAX(CASE WHEN t.responded = 1 THEN t.sent_date END) OVER (
               PARTITION BY t.customer_id ORDER BY t.sent_date, t.campaign_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_response_date
    FROM fact_campaign_touch t
    WHERE (@all_customers = 1 OR t.customer_id IN @customer_ids)
) s
JOIN dim_date d ON d.calendar_date = s.sent_date
WHERE s.sent_date >= @from_date
ORDER BY s.sent_date
