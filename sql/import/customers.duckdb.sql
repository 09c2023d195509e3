-- Merges the staged customers (import_customer) inside the import's transaction. A customer id
-- given twice in the file takes its last line. A known id is updated in the fields the file maps
-- (@map_<field> = 1); the fields it does not map keep their values.

CREATE OR REPLACE TEMP TABLE import_customer_last AS
SELECT * FROM import_customer
QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_code ORDER BY line_no DESC) = 1;

INSERT INTO dim_region (region_id, name)
SELECT (SELECT COALESCE(MAX(region_id), 0) FROM dim_region) + ROW_NUMBER() OVER (ORDER BY n.name), n.name
FROM (SELECT DISTINCT region AS name FROM import_customer_last WHERE region IS NOT NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim_region d WHERE d.name = n.name);

INSERT INTO dim_segment (segment_id, name)
SELECT (SELECT COALESCE(MAX(segment_id), 0) FROM dim_segment) + ROW_NUMBER() OVER (ORDER BY n.name), n.name
FROM (SELECT DISTINCT segment AS name FROM import_customer_last WHERE segment IS NOT NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim_segment d WHERE d.name = n.name);

CREATE OR REPLACE TEMP TABLE import_customer_resolved AS
SELECT s.customer_code, s.name, s.email, s.phone, s.acquired,
       (SELECT MIN(region_id) FROM dim_region d WHERE d.name = s.region) AS region_id,
       (SELECT MIN(segment_id) FROM dim_segment d WHERE d.name = s.segment) AS segment_id
FROM import_customer_last s;

UPDATE dim_customer
SET name = CASE WHEN @map_name = 1 THEN s.name ELSE dim_customer.name END,
    email = CASE WHEN @map_email = 1 THEN s.email ELSE dim_customer.email END,
    phone = CASE WHEN @map_phone = 1 THEN s.phone ELSE dim_customer.phone END,
    region_id = CASE WHEN @map_region = 1 THEN s.region_id ELSE dim_customer.region_id END,
    segment_id = CASE WHEN @map_segment = 1 THEN s.segment_id ELSE dim_customer.segment_id END,
    acquired_date = CASE WHEN @map_acquired = 1 THEN s.acquired ELSE dim_customer.acquired_date END,
    updated_at = @now
FROM import_customer_resolved s
WHERE dim_customer.customer_code = s.customer_code;

INSERT INTO dim_customer (customer_id, customer_code, name, email, phone, city, region_id, segment_id, owner_rep_id,
                          acquired_date, acquisition_channel_id, acquisition_campaign_id, updated_at)
SELECT nextval('seq_customer'),
       s.customer_code, s.name, s.email, s.phone, NULL, s.region_id, s.segment_id, NULL, s.acquired, NULL, NULL, @now
FROM import_customer_resolved s
WHERE NOT EXISTS (SELECT 1 FROM dim_customer c WHERE c.customer_code = s.customer_code);

DROP TABLE import_customer_resolved;
DROP TABLE import_customer_last;
