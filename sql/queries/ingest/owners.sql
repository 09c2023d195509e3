-- The team each already-stored record of @codes belongs to (see docs/KPIS.md, Ownership), so a
-- key limited to teams cannot replace another team's records: an order by its team, a ticket
-- or survey by its customer's owner, an opportunity by its rep. @kind: orders | tickets |
-- surveys | opportunities.
SELECT o.order_code AS code, o.team_id
FROM fact_order o
WHERE @kind = 'orders' AND o.order_code IN @codes
UNION ALL
SELECT t.ticket_code, r.team_id
FROM fact_ticket t
LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE @kind = 'tickets' AND t.ticket_code IN @codes
UNION ALL
SELECT s.survey_code, r.team_id
FROM fact_survey s
LEFT JOIN dim_customer c ON c.customer_id = s.customer_id
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE @kind = 'surveys' AND s.survey_code IN @codes
UNION ALL
SELECT p.opportunity_code, r.team_id
FROM fact_opportunity p
LEFT JOIN dim_rep r ON r.rep_id = p.rep_id
WHERE @kind = 'opportunities' AND p.opportunity_code IN @codes
