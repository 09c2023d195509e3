-- complaint_rate: active customers of the period (a sale in [date_from, date_to)) with at
-- least one complaint ticket submitted in it, over the active customers. The numerator is a
-- subset of the denominator (KPIS.md §3), so the rate never exceeds 100 %: a customer who
-- complained but bought nothing in the period is left out of both.
-- Both sides filter on the customer's region, segment and owner rep, so they describe the
-- same customers; sales channel, category and campaign do not apply. A filter on the customer
-- takes or leaves all of a customer's sales and complaints, so the pre-aggregates per customer
-- answer it: the complaint days with the customer's sales either side (agg_complaint_sale, as the
-- unfiltered twin reads them) and the sales with the customer's previous one (agg_sale_chain),
-- each joined to the customers the filters and the scope leave, instead of every sale and ticket.
-- has_tickets is 0 when no ticket was recorded before the period's end (a database fed only
-- order lines): the rate is then undefined ("no data"), not 0. (Up to the period's end, so the
-- result depends on nothing dated after it.)
-- Additive, as its unfiltered twin: per bucket (the window from @window_from, or the month) a
-- customer is active in the days scanned at their first sale in the bucket (their previous sale
-- before the bucket's start or the window's), and a complainant where they first have both a
-- complaint and a sale in it (complaint_flags); so a write dated today recomputes today only.
--#dated
--#additive
WITH customers AS (
    --#include filtered_customers
), complaints AS (
    SELECT CASE WHEN @monthly = 1 THEN a.month_start ELSE @window_from END AS bucket, a.customer_id,
           a.complaint_day, a.prev_sale, a.next_sale, a.next_month
    FROM agg_complaint_sale a
    JOIN customers c ON c.customer_id = a.customer_id
    WHERE a.complaint_day >= @window_from AND a.complaint_day < @date_to
),
--#include complaint_flags
, active_counts AS (
    SELECT bucket, COUNT(*) AS active_customers
    FROM (
        SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @window_from END AS bucket,
               CASE WHEN @monthly = 1 AND s.month_start > @window_from THEN s.month_start ELSE @window_from END AS bucket_start,
               s.prev_date
        FROM agg_sale_chain s
        JOIN customers c ON c.customer_id = s.customer_id
        WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
    ) sales
    WHERE COALESCE(prev_date,
                   --#include long_ago
                   ) < bucket_start
    GROUP BY bucket
),
--#include complaint_rows
