-- retention/cohorts when nothing is filtered and the scope is everything, from
-- agg_cohort_activity (no DISTINCT over the window's sales). A member's first sale is on or after
-- @date_from, so all their sales are; they were active in a month of the window exactly when
-- their first sale in that month is before @date_to. A cell is a sum of counts.
--#dated
WITH cells AS (
    SELECT c.first_month AS cohort, c.active_month, CAST(SUM(c.customers) AS BIGINT) AS customers
    FROM agg_cohort_activity c
    WHERE c.first_date >= @date_from AND c.active_date < @date_to
      --#include unfiltered_guard
    GROUP BY c.first_month, c.active_month
),
--#include cohort_rows
