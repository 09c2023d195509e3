-- The CTE "customers" (bucket, active_customers, repeat_customers) of the unfiltered twins from
-- agg_sale_pair: per bucket (the month with @monthly, else the window from @window_from), its
-- distinct customers and those with two or more sales (pair_customer_counts). Sums over the
-- days scanned, compared with the window's start only: additive. (A first-ever sale's NULL
-- previous date is never on or after the bucket.)
customers AS (
    SELECT bucket,
           --#include pair_customer_counts
    FROM (
        SELECT CASE WHEN @monthly = 1 THEN p.month_start ELSE @window_from END AS bucket,
               p.steps_back, p.prior_date, p.sales
        FROM agg_sale_pair p
        WHERE p.sale_date >= @date_from AND p.sale_date < @date_to
          --#include unfiltered_guard
    ) pairs
    -- On or after the bucket's start and the window's (a first month cut short starts at the window's).
    WHERE prior_date >= bucket AND prior_date >= @window_from
    GROUP BY bucket
)
