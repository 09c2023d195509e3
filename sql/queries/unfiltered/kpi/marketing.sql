-- kpi/marketing when nothing is filtered and the scope is everything: campaign_responders from
-- agg_touch_pair (a customer's first responded touch in a bucket is the responded touch whose
-- previous responded touch is before the bucket: per-day counts of both) instead of a distinct
-- count of every responded touch joined to its customer; attributed_new_customers a count of
-- agg_first_sale's first rows (is_first_row: one per customer) instead of grouping the first
-- sales by customer. Spend and attributed revenue as its namesake.
-- Every column is a sum over the rows scanned (a responded touch counts when its previous responded
-- touch is before the window's start @window_from): additive, so a write dated today recomputes today.
--#dated
--#additive
WITH
--#include marketing_money
, responders AS (
    -- agg_touch_pair's day counts: the responded touches (step 2) less those whose previous
    -- responded touch (step 3) is on or after the window's start (and the month's, by month).
    SELECT CASE WHEN @monthly = 1 THEN p.month_start ELSE @window_from END AS bucket,
           CAST(SUM(CASE WHEN p.step = 2 THEN p.touches ELSE -p.touches END) AS BIGINT) AS campaign_responders
    FROM agg_touch_pair p
    WHERE p.sent_date >= @date_from AND p.sent_date < @date_to
      AND p.step IN (2, 3)
      AND p.prior_date >= @window_from AND (@monthly = 0 OR p.prior_date >= p.month_start)
      --#include unfiltered_guard
    GROUP BY CASE WHEN @monthly = 1 THEN p.month_start ELSE @window_from END
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
-- Fails closed as a whole: spend and attributed revenue do not read the pre-aggregates.
WHERE 1 = 1
  --#include unfiltered_guard
ORDER BY b.bucket
