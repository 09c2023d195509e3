-- A touch has no source id: campaign, customer and send date identify it.
DELETE FROM fact_campaign_touch
WHERE campaign_id = @campaign_id
  AND customer_id = @customer_id
  AND sent_date = @sent_date
