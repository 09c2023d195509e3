-- Merges the staged order lines (import_order_line) into the star schema, inside the import's
-- transaction. DuckDB only: the lines are staged with the Appender into a temporary table.
-- A member named in the file and missing from its dimension is added; dimension names are
-- matched exactly (the lowest id wins when a name is held twice).

INSERT INTO dim_region (region_id, name)
SELECT (SELECT COALESCE(MAX(region_id), 0) FROM dim_region) + ROW_NUMBER() OVER (ORDER BY n.name), n.name
FROM (SELECT DISTINCT region AS name FROM import_order_line WHERE region IS NOT NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim_region d WHERE d.name = n.name);

INSERT INTO dim_category (category_id, name)
SELECT (SELECT COALESCE(MAX(category_id), 0) FROM dim_category) + ROW_NUMBER() OVER (ORDER BY n.name), n.name
FROM (SELECT DISTINCT category AS name FROM import_order_line WHERE category IS NOT NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim_category d WHERE d.name = n.name);

INSERT INTO dim_channel (channel_id, name)
SELECT (SELECT COALESCE(MAX(channel_id), 0) FROM dim_channel) + ROW_NUMBER() OVER (ORDER BY n.name), n.name
FROM (SELECT DISTINCT channel AS name FROM import_order_line WHERE channel IS NOT NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim_channel d WHERE d.name = n.name);

-- A new rep needs a team and a region: the team "Unassigned" (created once), and the region of
-- the rep's first line that names one, else the region "Unassigned".
CREATE OR REPLACE TEMP TABLE import_new_rep AS
SELECT s.rep, arg_min(s.region, s.line_no) AS region
FROM import_order_line s
WHERE s.rep IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_rep r WHERE r.name = s.rep)
GROUP BY s.rep;

INSERT INTO dim_team (team_id, name, region_id)
SELECT (SELECT COALESCE(MAX(team_id), 0) FROM dim_team) + 1, 'Unassigned', NULL
WHERE EXISTS (SELECT 1 FROM import_new_rep)
  AND NOT EXISTS (SELECT 1 FROM dim_team WHERE name = 'Unassigned');

INSERT INTO dim_region (region_id, name)
SELECT (SELECT COALESCE(MAX(region_id), 0) FROM dim_region) + 1, 'Unassigned'
WHERE EXISTS (SELECT 1 FROM import_new_rep WHERE region IS NULL)
  AND NOT EXISTS (SELECT 1 FROM dim_region WHERE name = 'Unassigned');

INSERT INTO dim_rep (rep_id, name, team_id, region_id, hired_date)
SELECT (SELECT COALESCE(MAX(rep_id), 0) FROM dim_rep) + ROW_NUMBER() OVER (ORDER BY n.rep),
       n.rep,
       (SELECT MIN(team_id) FROM dim_team WHERE name = 'Unassigned'),
       COALESCE((SELECT MIN(region_id) FROM dim_region d WHERE d.name = n.region),
                (SELECT MIN(region_id) FROM dim_region WHERE name = 'Unassigned')),
       NULL
FROM import_new_rep n;

DROP TABLE import_new_rep;

-- Customers seen only in order lines: created with what the lines tell (region and rep of the
-- first line naming one, acquired on the first sale line's date).
INSERT INTO dim_customer (customer_id, customer_code, name, email, phone, city, region_id, segment_id, owner_rep_id,
                          acquired_date, acquisition_channel_id, acquisition_campaign_id, updated_at)
SELECT nextval('seq_customer'),
       n.customer_code, NULL, NULL, NULL, NULL,
       (SELECT MIN(region_id) FROM dim_region d WHERE d.name = n.region),
       NULL,
       (SELECT MIN(rep_id) FROM dim_rep r WHERE r.name = n.rep),
       n.first_sale, NULL, NULL, @now
FROM (
    SELECT customer_code,
           arg_min(region, line_no) AS region,
           arg_min(rep, line_no) AS rep,
           CAST(MIN(CASE WHEN NOT is_return THEN line_time END) AS DATE) AS first_sale
    FROM import_order_line
    WHERE customer_code IS NOT NULL
    GROUP BY customer_code
) n
WHERE NOT EXISTS (SELECT 1 FROM dim_customer c WHERE c.customer_code = n.customer_code);

-- Re-importing an order id replaces that order.
DELETE FROM fact_order
WHERE order_code IN (SELECT DISTINCT order_code FROM import_order_line);

-- One order per order id. Sale lines make the order (date = earliest sale line, revenue and
-- items summed); returned lines only add to returned_value. Customer, rep, region, channel and
-- category are the first sale line's that names one (returned lines only when there is no sale
-- line). An id with only returned lines is an order with no revenue: never a sale, its returns
-- are dated by its earliest returned line.
INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id,
                        channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status)
SELECT nextval('seq_order'),
       o.order_code,
       c.customer_id,
       o.order_date,
       r.rep_id,
       r.team_id,
       COALESCE((SELECT MIN(region_id) FROM dim_region d WHERE d.name = o.region), c.region_id),
       c.segment_id,
       (SELECT MIN(channel_id) FROM dim_channel d WHERE d.name = o.channel),
       (SELECT MIN(category_id) FROM dim_category d WHERE d.name = o.category),
       NULL,
       o.revenue, o.cost, o.items, o.returned_value, 'completed'
FROM (
    SELECT order_code,
           arg_min(customer_code, line_key) AS customer_code,
           arg_min(rep, line_key) AS rep,
           arg_min(region, line_key) AS region,
           arg_min(channel, line_key) AS channel,
           arg_min(category, line_key) AS category,
           CAST(COALESCE(MIN(CASE WHEN NOT is_return THEN line_time END), MIN(line_time)) AS DATE) AS order_date,
           CAST(COALESCE(SUM(CASE WHEN NOT is_return THEN line_value END), 0) AS DECIMAL(18,2)) AS revenue,
           CAST(COALESCE(SUM(CASE WHEN NOT is_return THEN line_cost END), 0) AS DECIMAL(18,2)) AS cost,
           CAST(COALESCE(SUM(CASE WHEN NOT is_return THEN quantity END), 0) AS INTEGER) AS items,
           CAST(COALESCE(SUM(CASE WHEN is_return THEN line_value END), 0) AS DECIMAL(18,2)) AS returned_value
    FROM (SELECT *, CASE WHEN is_return THEN 1 ELSE 0 END * 1000000000000 + line_no AS line_key FROM import_order_line) l
    GROUP BY order_code
) o
LEFT JOIN (SELECT customer_code, MIN(customer_id) AS customer_id FROM dim_customer GROUP BY customer_code) k ON k.customer_code = o.customer_code
LEFT JOIN dim_customer c ON c.customer_id = k.customer_id
LEFT JOIN (SELECT name, MIN(rep_id) AS rep_id FROM dim_rep GROUP BY name) rk ON rk.name = o.rep
LEFT JOIN dim_rep r ON r.rep_id = rk.rep_id;
