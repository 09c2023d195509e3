-- The completeness rule of KPIS.md §7, once for data_completeness and the list of incomplete
-- records: CTEs over the customers the filters and the team scope select (through the owner),
-- each field 1 = present (a blank text counts as missing), the contact an e-mail or a phone,
-- and a record complete when name, region, segment and a contact are all present.
-- Use after WITH; it defines customer_fields, customer_contact and customer_health.
customer_fields AS (
    SELECT c.customer_id, c.customer_code, c.name, c.email, c.phone, c.region_id, c.segment_id, c.owner_rep_id, c.updated_at,
           CASE WHEN COALESCE(TRIM(c.name), '') <> '' THEN 1 ELSE 0 END AS has_name,
           CASE WHEN c.region_id IS NOT NULL THEN 1 ELSE 0 END AS has_region,
           CASE WHEN c.segment_id IS NOT NULL THEN 1 ELSE 0 END AS has_segment,
           CASE WHEN COALESCE(TRIM(c.email), '') <> '' THEN 1 ELSE 0 END AS has_email,
           CASE WHEN COALESCE(TRIM(c.phone), '') <> '' THEN 1 ELSE 0 END AS has_phone
    FROM dim_customer c
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE 1 = 1
      --#include customer_filters
), customer_contact AS (
    SELECT f.*, CASE WHEN f.has_email = 1 OR f.has_phone = 1 THEN 1 ELSE 0 END AS has_contact
    FROM customer_fields f
), customer_health AS (
    SELECT k.*, CASE WHEN k.has_name = 1 AND k.has_region = 1 AND k.has_segment = 1 AND k.has_contact = 1 THEN 1 ELSE 0 END AS is_complete
    FROM customer_contact k
)
