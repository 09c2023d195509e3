-- satisfaction/churned_vs_retained under a filter on one member of region, segment, channel or
-- category (nothing else filtered, the whole scope): the comparison window's customers of the
-- member and their group from agg_member_chain, instead of grouping both windows' sales of the
-- member by customer. A window's customers of the member are its rows whose previous same-member
-- sale is before the window (one row per customer); a comparison customer is retained when they
-- are a customer of the period too (adjacent windows, a gap or an overlap alike).
WITH
--#include member_window_customers
, base AS (
    SELECT p.customer_id, CASE WHEN c.customer_id IS NULL THEN 'churned' ELSE 'retained' END AS grp
    FROM previous_customers p
    LEFT JOIN current_customers c ON c.customer_id = p.customer_id
),
--#include churned_vs_retained_rows
