-- RFM scores of the customers active in [date_from, date_to): recency = days from the last
-- sale to the period's last day, frequency = sales in the period, monetary = revenue in the
-- period. Each becomes a score 1-5 by its percentile rank (ties share the lower score; for
-- recency, fewer days score higher). One row per score combination, so at most 125 rows.
WITH per_customer AS (
    SELECT o.customer_id,
           MAX(d.day_number) AS last_day_number,
           COUNT(*) AS frequency,
           SUM(o.revenue) AS monetary
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
), period_end AS (
    SELECT day_number - 1 AS last_day_number FROM dim_date WHERE calendar_date = @date_to
), measured AS (
    SELECT c.customer_id, e.last_day_number - c.last_day_number AS recency, c.frequency, c.monetary
    FROM per_customer c
    CROSS JOIN period_end e
), ranked AS (
    SELECT recency, frequency, monetary,
           PERCENT_RANK() OVER (ORDER BY recency DESC) AS r_rank,
           PERCENT_RANK() OVER (ORDER BY frequency) AS f_rank,
           PERCENT_RANK() OVER (ORDER BY monetary) AS m_rank
    FROM measured
), scored AS (
    SELECT recency, frequency, monetary,
           CASE WHEN r_rank >= 0.8 THEN 5 WHEN r_rank >= 0.6 THEN 4 WHEN r_rank >= 0.4 THEN 3 WHEN r_rank >= 0.2 THEN 2 ELSE 1 END AS r_score,
           CASE WHEN f_rank >= 0.8 THEN 5 WHEN f_rank >= 0.6 THEN 4 WHEN f_rank >= 0.4 THEN 3 WHEN f_rank >= 0.2 THEN 2 ELSE 1 END AS f_score,
           CASE WHEN m_rank >= 0.8 THEN 5 WHEN m_rank >= 0.6 THEN 4 WHEN m_rank >= 0.4 THEN 3 WHEN m_rank >= 0.2 THEN 2 ELSE 1 END AS m_score
    FROM ranked
)
SELECT r_score, f_score, m_score,
       COUNT(*) AS customers,
       CAST(SUM(monetary) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(recency) AS BIGINT) AS recency_days,
       CAST(SUM(frequency) AS BIGINT) AS orders
FROM scored
GROUP BY r_score, f_score, m_score
ORDER BY r_score, f_score, m_score
