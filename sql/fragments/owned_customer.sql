-- The team scope on a customer "c": visible when its account owner is on a team in scope
-- (docs/KPIS.md, Ownership). Every list of customers, every customer's page and every event
-- of a customer (tickets, surveys, touches) is filtered by it.
AND (@scope_all = 1 OR c.owner_rep_id IN (SELECT sr.rep_id FROM dim_rep sr WHERE sr.team_id IN @scope_team_ids))
