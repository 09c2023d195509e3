-- DuckDB's retention_month_counts.sql: one row per customer with a bit per month they bought in
-- (bit k: the k-th month from @prev_from's), instead of the distinct (customer, month) pairs,
-- so a month's previous-active and retained customers are bit tests: grouping by customer alone
-- is about half the work (YTD with one region at 10 M orders: 208 -> 98 ms). A BIGINT holds 63
-- bits, so a window of more than 62 months takes the pairs, as the shared text does; the
-- arguments are written into the text on DuckDB (DuckDbLiterals), so the unused branch is
-- dropped before planning.
, customer_bits AS (
    SELECT o.customer_id,
           BIT_OR(CAST(1 AS BIGINT) << CAST(date_diff('month', @prev_from, o.order_date) AS INTEGER)) AS bits
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      AND o.order_date >= @prev_from AND o.order_date < @date_to
      --#include order_filters
      AND date_diff('month', @prev_from, @date_to) <= 62
    GROUP BY o.customer_id
), customer_months AS (
    --#include retention_customer_months
      AND date_diff('month', @prev_from, @date_to) > 62
), month_bits AS (
    -- The month's own bit is the next: "& 3" tests both.
    SELECT month_start, date_diff('month', @prev_from, previous_month) AS previous_bit
    FROM months
), counts AS (
    SELECT m.month_start AS bucket,
           CAST(SUM(CASE WHEN m.previous_bit < 0 THEN 0
                         WHEN ((b.bits >> CAST(m.previous_bit AS INTEGER)) & 1) = 1 THEN 1 ELSE 0 END) AS BIGINT) AS previous_active,
           CAST(SUM(CASE WHEN m.previous_bit < 0 THEN 0
                         WHEN ((b.bits >> CAST(m.previous_bit AS INTEGER)) & 3) = 3 THEN 1 ELSE 0 END) AS BIGINT) AS retained
    FROM month_bits m
    LEFT JOIN customer_bits b ON 1 = 1
    GROUP BY m.month_start
    UNION ALL
    --#include retention_pair_counts
)
SELECT bucket,
       CAST(SUM(previous_active) AS BIGINT) AS previous_active,
       CAST(SUM(retained) AS BIGINT) AS retained
FROM counts
GROUP BY bucket
ORDER BY bucket
