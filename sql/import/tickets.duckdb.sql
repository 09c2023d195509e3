-- Merges the staged tickets (import_ticket) inside the import's transaction. A ticket id given
-- twice in the file takes its last line; re-importing an id replaces that ticket. Customers the
-- tickets name and the database lacks are created with their id only.

CREATE OR REPLACE TEMP TABLE import_ticket_last AS
SELECT * FROM import_ticket
QUALIFY ROW_NUMBER() OVER (PARTITION BY ticket_code ORDER BY line_no DESC) = 1;

INSERT INTO dim_customer (customer_id, customer_code, name, email, phone, city, region_id, segment_id, owner_rep_id,
                          acquired_date, acquisition_channel_id, acquisition_campaign_id, updated_at)
SELECT nextval('seq_customer'),
       n.customer_code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, @now
FROM (SELECT DISTINCT customer_code FROM import_ticket_last WHERE customer_code IS NOT NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim_customer c WHERE c.customer_code = n.customer_code);

DELETE FROM fact_ticket
WHERE ticket_code IN (SELECT ticket_code FROM import_ticket_last);

INSERT INTO fact_ticket (ticket_id, ticket_code, customer_id, category, channel, submitted_at, first_response_at,
                         resolved_at, is_complaint, agent_id, wait_seconds, talk_seconds)
SELECT nextval('seq_ticket'),
       s.ticket_code,
       (SELECT MIN(customer_id) FROM dim_customer c WHERE c.customer_code = s.customer_code),
       COALESCE(s.category, 'other'),
       COALESCE(s.channel, 'other'),
       s.submitted_at, s.first_response_at, s.resolved_at, s.is_complaint, NULL, NULL, NULL
FROM import_ticket_last s;

DROP TABLE import_ticket_last;
