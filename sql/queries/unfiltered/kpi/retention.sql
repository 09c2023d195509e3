-- kpi/retention when nothing is filtered and the scope is everything, from agg_sale_pair and
-- agg_sale_chain: the customers active in a window are its chain rows whose previous sale is
-- before the window (one per customer), so both counts come from those rows instead of two
-- DISTINCTs over every sale; for adjacent windows (the usual comparison) from agg_sale_pair's
-- per-day counts of them. The windows may overlap or have a gap between them: any two windows.
-- Additive: a current-window row counts once, whichever part of the window is scanned (its
-- previous sale is compared with the window's start @window_from), and the previous window's
-- customers are counted by the part that starts the window; so a write dated today recomputes
-- today only.
--#dated
--#additive
WITH
--#include window_customers
-- Each count is gated in its WHERE, not in a CASE: DuckDB drops a scan whose predicate on the
-- parameters is false, while both arms of a CASE would be computed.
SELECT
    @window_from AS bucket,
    -- The previous window's customers: agg_sale_pair's counts on its days, read by the part that
    -- starts the window.
    (SELECT COALESCE(c.active_customers, 0)
     FROM (
         SELECT
             --#include pair_customer_counts
         FROM agg_sale_pair
         WHERE @date_from = @window_from
           AND sale_date >= @prev_from AND sale_date < @prev_to AND prior_date >= @prev_from
           --#include unfiltered_guard
     ) c) AS previous_active,
    -- Previous window right before this one: a customer was active in it exactly when their last
    -- sale before this window is in it, so the retained are this window's first sales whose
    -- previous sale is in [prev_from, window_from): pair counts, no join. Otherwise (a gap, an
    -- overlap) the join of the two windows' customers.
    (SELECT CAST(COALESCE(SUM(p.sales), 0) AS BIGINT)
     FROM agg_sale_pair p
     WHERE @prev_to = @window_from AND p.steps_back = 1
       AND p.sale_date >= @date_from AND p.sale_date < @date_to
       AND p.prior_date >= @prev_from AND p.prior_date < @window_from
       --#include unfiltered_guard
    )
    + (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id WHERE @prev_to <> @window_from) AS retained
