-- Completeness of the customer records the filters and the team scope select (KPIS.md §7):
-- every customer, those with name, region, segment and a contact all present, and each field.
-- A snapshot of the records as they are now.
WITH fields AS (
    SELECT
        --#include customer_completeness
    FROM dim_customer c
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE 1 = 1
      --#include customer_filters
), checked AS (
    SELECT f.*,
           CASE WHEN f.has_email = 1 OR f.has_phone = 1 THEN 1 ELSE 0 END AS has_contact
    FROM fields f
)
SELECT COUNT(*) AS customers,
       CAST(COALESCE(SUM(CASE WHEN has_name = 1 AND has_region = 1 AND has_segment = 1 AND has_contact = 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS complete_customers,
       CAST(COALESCE(SUM(has_name), 0) AS BIGINT) AS with_name,
       CAST(COALESCE(SUM(has_region), 0) AS BIGINT) AS with_region,
       CAST(COALESCE(SUM(has_segment), 0) AS BIGINT) AS with_segment,
       CAST(COALESCE(SUM(has_contact), 0) AS BIGINT) AS with_contact,
       CAST(COALESCE(SUM(has_email), 0) AS BIGINT) AS with_email,
       CAST(COALESCE(SUM(has_phone), 0) AS BIGINT) AS with_phone
FROM checked
