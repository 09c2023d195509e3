-- kpi/customer_growth when nothing is filtered and the scope is everything, from
-- agg_cohort_activity: a customer's first sale in the month of their first-ever sale is that
-- first sale, so the rows whose two days are equal count the customers acquired on that day (no
-- distinct over agg_first_sale, and far fewer rows than agg_sale_chain).
--#dated
WITH acquired AS (
    SELECT c.first_date, SUM(c.customers) AS customers
    FROM agg_cohort_activity c
    WHERE c.active_date = c.first_date AND c.first_date < @date_to
      --#include unfiltered_guard
    GROUP BY c.first_date
),
--#include customer_growth_rows
