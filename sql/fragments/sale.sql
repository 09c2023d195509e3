-- A sale (docs/KPIS.md, conventions): an order "o" that is not cancelled and has revenue above
-- 0. The only place this rule is written: every query that counts, sums or dates sales
-- includes it (SaleRuleTests checks no other query text spells it).
AND o.status <> 'cancelled' AND o.revenue > 0
