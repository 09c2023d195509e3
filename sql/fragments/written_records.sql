-- Every record with a written-at time that the team scope lets the caller see, tagged with its
-- table (data health, KPIS.md §7). Orders belong to their team; opportunities and activities
-- to their rep's team; tickets, surveys, campaign touches and customers to the team of the
-- customer's owner. A scoped caller sees no anonymous sale and no record without a customer.
-- Customers are written when created or updated (updated_at).
SELECT 'orders' AS record_table, o.written_at
FROM fact_order o
WHERE @scope_all = 1 OR o.team_id IN @scope_team_ids
UNION ALL
SELECT 'tickets', t.written_at
FROM fact_ticket t
LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE @scope_all = 1 OR r.team_id IN @scope_team_ids
UNION ALL
SELECT 'surveys', s.written_at
FROM fact_survey s
LEFT JOIN dim_customer c ON c.customer_id = s.customer_id
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE @scope_all = 1 OR r.team_id IN @scope_team_ids
UNION ALL
SELECT 'touches', ct.written_at
FROM fact_campaign_touch ct
LEFT JOIN dim_customer c ON c.customer_id = ct.customer_id
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE @scope_all = 1 OR r.team_id IN @scope_team_ids
UNION ALL
SELECT 'opportunities', p.written_at
FROM fact_opportunity p
LEFT JOIN dim_rep r ON r.rep_id = p.rep_id
WHERE @scope_all = 1 OR r.team_id IN @scope_team_ids
UNION ALL
SELECT 'activities', a.written_at
FROM fact_activity a
LEFT JOIN dim_rep r ON r.rep_id = a.rep_id
WHERE @scope_all = 1 OR r.team_id IN @scope_team_ids
UNION ALL
SELECT 'customers', c.updated_at
FROM dim_customer c
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE @scope_all = 1 OR r.team_id IN @scope_team_ids
