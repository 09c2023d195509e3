-- kpi/cross_sell when nothing is filtered and the scope is everything. Active customers: the
-- distinct customers of a bucket from agg_sale_pair's per-day counts of agg_sale_chain's rows
-- (chain_customer_counts; @window_from is @date_from here: the query is not split), a few rows
-- a day instead of one per sale. Cross buyers: the customer's first categorized sale in the
-- bucket (agg_category_chain) has its next sale in another category inside the bucket too.
-- Counts, not a distinct count of categories per customer. Dated: a later sale changes no
-- earlier window.
--#dated
WITH
--#include chain_customer_counts
, crossing AS (
    SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @date_from END AS bucket,
           CASE WHEN s.prev_date >= @date_from AND (@monthly = 0 OR s.prev_date >= s.month_start) THEN 0
                WHEN s.next_other_date < @date_to AND (@monthly = 0 OR s.next_other_month = s.month_start) THEN 1
                ELSE 0 END AS cross_buyer
    FROM agg_category_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      --#include unfiltered_guard
), cross_buckets AS (
    SELECT bucket, CAST(SUM(cross_buyer) AS BIGINT) AS cross_buyers
    FROM crossing
    GROUP BY bucket
)
SELECT a.bucket, a.active_customers, COALESCE(c.cross_buyers, 0) AS cross_buyers
FROM customers a
LEFT JOIN cross_buckets c ON c.bucket = a.bucket
ORDER BY a.bucket
