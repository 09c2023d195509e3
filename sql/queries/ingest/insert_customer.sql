-- A customer first seen in an ingested order: created with what the order tells.
INSERT INTO dim_customer (customer_id, customer_code, name, email, phone, city, region_id, segment_id, owner_rep_id,
                          acquired_date, acquisition_channel_id, acquisition_campaign_id, updated_at)
VALUES (@customer_id, @customer_code, NULL, NULL, NULL, NULL, @region_id, NULL, @rep_id,
        @order_date, NULL, @campaign_id, @updated_at)
