-- Revenue and gross profit over [date_from, date_to) per day (@grain = 'day') or calendar
-- month ('month'). The caller folds days into weeks that start on the period's first day,
-- and fills days or months with no sales with zero.
--#dated
WITH scoped AS (
    SELECT CASE WHEN @grain = 'day' THEN d.calendar_date ELSE d.month_start END AS bucket,
           o.revenue, o.cost
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(revenue - cost) AS DECIMAL(18,2)) AS gross_profit,
       COUNT(*) AS orders
FROM scoped
GROUP BY bucket
ORDER BY bucket
