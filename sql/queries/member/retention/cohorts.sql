-- retention/cohorts under a filter on one member of region, segment, channel or category (nothing
-- else filtered, the whole scope). The cohorts' customers are the namesake's: those with a sale of
-- the member on the day of their first-ever sale (agg_first_sale). A customer is active in a month
-- when they have a sale of the member in it, and that is one agg_member_chain row: their first sale
-- of the member in the month (the previous same-member sale is before the month, or none). So a
-- cell is a count of rows, not a distinct count over the window's sales. (A cohort's customer has no
-- sale before @date_from, so in the window's first month, begun before @date_from, only a first-ever
-- sale of the member qualifies, as in the namesake.)
--#dated
-- The cells join the member's chain rows (member_sales, which carries member_guard), so other
-- arguments give no rows.
WITH
--#include cohort_members
, cells AS (
    SELECT m.cohort, s.month_start AS active_month, COUNT(*) AS customers
    FROM (
        --#include member_sales
    ) s
    JOIN members m ON m.customer_id = s.customer_id
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND COALESCE(s.prev_date,
                   --#include long_ago
                   ) < s.month_start
    GROUP BY m.cohort, s.month_start
),
--#include cohort_rows
