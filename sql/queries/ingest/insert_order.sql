INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id,
                        channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status)
VALUES (@order_id, @order_code, @customer_id, @order_date, @rep_id, @team_id, @region_id, @segment_id,
        @channel_id, @category_id, @campaign_id, @revenue, @cost, @items, @returned_value, @status)
