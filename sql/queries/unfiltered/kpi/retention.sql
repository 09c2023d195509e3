-- kpi/retention when nothing is filtered and the scope is everything, from agg_sale_chain: the
-- customers active in a window are its rows whose previous sale is before the window (one per
-- customer), so the retained customers are a join of two such sets instead of two DISTINCTs
-- over every sale (the windows may overlap or have a gap between them: any two windows).
--#dated
WITH
--#include window_customers
SELECT
    @date_from AS bucket,
    (SELECT COUNT(*) FROM previous_customers) AS previous_active,
    (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id) AS retained
