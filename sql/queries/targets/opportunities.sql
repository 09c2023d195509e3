-- The opportunities of the reps in scope (a rep drill: team and rep filters): those open now
-- (open_pipeline: for the rep's current team) and those closed in [date_from, date_to)
-- (closed_opportunities: for the team the rep sold for in the month it closed), with customer,
-- stage, amount, stage probability, weighted amount (open ones), created and closed dates and
-- days open (closed − created, or today − created while open). The filters mean what they mean
-- for the pipeline and win-rate tiles beside the table: a segment filter narrows the closed ones.
-- Sorted and paged here.
WITH
--#include open_pipeline
,
--#include rep_month_team
,
--#include closed_opportunities
, chosen AS (
    SELECT opportunity_id, CAST(weighted_amount AS DECIMAL(18,2)) AS weighted_amount FROM open_pipeline
    UNION ALL
    SELECT opportunity_id, CAST(NULL AS DECIMAL(18,2)) FROM closed_opportunities
), listed AS (
    SELECT o.opportunity_id, o.opportunity_code, o.rep_id, p.name AS rep, o.customer_id, c.name AS customer,
           o.stage, s.sort_order, o.amount, s.probability, ch.weighted_amount, o.created_date, o.closed_date,
           COALESCE(cd.day_number, td.day_number) - od.day_number AS days_open,
           COUNT(*) OVER () AS total_rows
    FROM chosen ch
    JOIN fact_opportunity o ON o.opportunity_id = ch.opportunity_id
    JOIN dim_stage s ON s.stage = o.stage
    JOIN dim_rep p ON p.rep_id = o.rep_id
    JOIN dim_date od ON od.calendar_date = o.created_date
    LEFT JOIN dim_date cd ON cd.calendar_date = o.closed_date
    JOIN dim_date td ON td.calendar_date = @today
    LEFT JOIN dim_customer c ON c.customer_id = o.customer_id
)
SELECT *
FROM listed
ORDER BY
    --#include table_sort/opportunities
    opportunity_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
