-- The customer records data_completeness counts as incomplete, with the fields they miss, for
-- the filters and the team scope: the list to fix. Sorted and paged by the database.
WITH
    --#include customer_completeness
, listed AS (
    SELECT i.customer_id, i.customer_code, i.name, rg.name AS region, sg.name AS segment, rp.name AS owner,
           i.email, i.phone,
           1 - i.has_name AS missing_name, 1 - i.has_region AS missing_region,
           1 - i.has_segment AS missing_segment, 1 - i.has_contact AS missing_contact,
           i.updated_at,
           COUNT(*) OVER () AS total_rows
    FROM customer_health i
    LEFT JOIN dim_region rg ON rg.region_id = i.region_id
    LEFT JOIN dim_segment sg ON sg.segment_id = i.segment_id
    LEFT JOIN dim_rep rp ON rp.rep_id = i.owner_rep_id
    WHERE i.is_complete = 0
)
SELECT customer_id, customer_code, name, region, segment, owner, email, phone,
       missing_name, missing_region, missing_segment, missing_contact, updated_at, total_rows
FROM listed
ORDER BY
    --#include table_sort/incomplete-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
