-- The highest surrogate keys, so a batch numbers its new rows after them (in its transaction).
SELECT
    (SELECT COALESCE(MAX(order_id), 0) FROM fact_order) AS order_id,
    (SELECT COALESCE(MAX(customer_id), 0) FROM dim_customer) AS customer_id,
    (SELECT COALESCE(MAX(ticket_id), 0) FROM fact_ticket) AS ticket_id,
    (SELECT COALESCE(MAX(survey_id), 0) FROM fact_survey) AS survey_id,
    (SELECT COALESCE(MAX(opportunity_id), 0) FROM fact_opportunity) AS opportunity_id
