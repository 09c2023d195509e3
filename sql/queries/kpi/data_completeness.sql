-- Completeness of the customer records the filters and the team scope select (KPIS.md §7):
-- every customer, those complete, and each field. A snapshot of the records as they are now.
WITH
    --#include customer_completeness
SELECT COUNT(*) AS customers,
       CAST(COALESCE(SUM(is_complete), 0) AS BIGINT) AS complete_customers,
       CAST(COALESCE(SUM(has_name), 0) AS BIGINT) AS with_name,
       CAST(COALESCE(SUM(has_region), 0) AS BIGINT) AS with_region,
       CAST(COALESCE(SUM(has_segment), 0) AS BIGINT) AS with_segment,
       CAST(COALESCE(SUM(has_contact), 0) AS BIGINT) AS with_contact,
       CAST(COALESCE(SUM(has_email), 0) AS BIGINT) AS with_email,
       CAST(COALESCE(SUM(has_phone), 0) AS BIGINT) AS with_phone
FROM customer_health
