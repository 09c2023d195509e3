-- The fields of a customer record data_completeness checks (KPIS.md §7), 1 = present, on
-- dim_customer "c": a blank text counts as missing; the contact is an e-mail or a phone.
CASE WHEN COALESCE(TRIM(c.name), '') <> '' THEN 1 ELSE 0 END AS has_name,
CASE WHEN c.region_id IS NOT NULL THEN 1 ELSE 0 END AS has_region,
CASE WHEN c.segment_id IS NOT NULL THEN 1 ELSE 0 END AS has_segment,
CASE WHEN COALESCE(TRIM(c.email), '') <> '' THEN 1 ELSE 0 END AS has_email,
CASE WHEN COALESCE(TRIM(c.phone), '') <> '' THEN 1 ELSE 0 END AS has_phone
