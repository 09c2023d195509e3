INSERT INTO fact_campaign_touch (campaign_id, customer_id, sent_date, responded, responded_date, converted)
VALUES (@campaign_id, @customer_id, @sent_date, @responded, @responded_date, @converted)
