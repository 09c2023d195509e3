-- kpi/marketing when nothing is filtered and the scope is everything: campaign_responders from
-- agg_touch_chain (a customer's first responded touch in a bucket is the responded row whose
-- previous responded touch is before the bucket) instead of a distinct count of every responded
-- touch joined to its customer; attributed_new_customers a count of agg_first_sale's first rows
-- (is_first_row: one per customer) instead of grouping the first sales by customer. Spend and
-- attributed revenue as its namesake.
-- Every column is a sum over the rows scanned (a responded touch counts when its previous responded
-- touch is before the window's start @window_from): additive, so a write dated today recomputes today.
--#dated
--#additive
WITH
--#include marketing_money
, responders AS (
    SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @window_from END AS bucket,
           CAST(SUM(CASE WHEN s.prev_response_date >= @window_from AND (@monthly = 0 OR s.prev_response_date >= s.month_start) THEN 0 ELSE 1 END) AS BIGINT) AS campaign_responders
    FROM agg_touch_chain s
    WHERE s.sent_date >= @date_from AND s.sent_date < @date_to
      AND s.responded = 1
      --#include unfiltered_guard
    GROUP BY CASE WHEN @monthly = 1 THEN s.month_start ELSE @window_from END
), acquired AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket, COUNT(*) AS attributed_new_customers
    FROM agg_first_sale f
    JOIN dim_date d ON d.calendar_date = f.first_date
    WHERE f.first_date >= @date_from AND f.first_date < @date_to
      AND f.is_first_row = 1 AND f.acquisition_campaign_id IS NOT NULL
      --#include unfiltered_guard
    GROUP BY CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END
),
--#include marketing_kpi_rows
-- Fails closed as a whole: spend and attributed revenue do not read agg_touch_chain.
WHERE 1 = 1
  --#include unfiltered_guard
ORDER BY b.bucket
