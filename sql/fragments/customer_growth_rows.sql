-- customer_growth's rows from a CTE "acquired" (first_date, customers: how many customers had
-- their first-ever sale on that day): per period or per calendar month (@monthly = 1), the
-- customers acquired before the bucket's first day and on its days. Days, not customers, are
-- summed, so neither the filtered query nor its unfiltered twin groups by customer here.
days AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, d.calendar_date
    FROM dim_date d
    WHERE d.calendar_date >= @date_from AND d.calendar_date < @date_to
), buckets AS (
    SELECT bucket, MIN(calendar_date) AS first_day, MAX(calendar_date) AS last_day
    FROM days
    GROUP BY bucket
)
SELECT b.bucket,
       (SELECT CAST(COALESCE(SUM(a.customers), 0) AS BIGINT) FROM acquired a WHERE a.first_date < b.first_day) AS customer_base,
       (SELECT CAST(COALESCE(SUM(a.customers), 0) AS BIGINT) FROM acquired a WHERE a.first_date >= b.first_day AND a.first_date <= b.last_day) AS acquired_customers
FROM buckets b
ORDER BY b.bucket
