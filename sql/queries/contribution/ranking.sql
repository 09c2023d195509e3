-- The customers active in [date_from, date_to) ranked by revenue (ties by customer id), and
-- everything the Contribution page reads from that ranking, in one execution: the period's
-- per-customer sums and the one sort they need are the costly part, so they are done once
-- (a CTE read several times is computed once by DuckDB). One row per result, told by "part":
--  'top'    (always exactly one row, and first: the measures of top20_share, KPIS.md §1)
--           customer_revenue, top_revenue, ranked_customers, top_customers — the revenue of the top
--           ceil(N/5) of the N customers ("position <= ceil(N/5)" written 5 * (position - 1) < N);
--  'abc'    abc_class, customers, revenue, gross_profit, orders — A while the revenue before a
--           customer is under 80 % of the total, B under 95 %, C after;
--  'pareto' position, customers, cumulative_revenue, total_revenue — the running total at about
--           200 points (every n-th customer, the first and the last);
--  'rfm'    r_score, f_score, m_score, customers, revenue, recency_days, orders — one row per score
--           combination. Recency = days from the last sale to the period's last day, frequency =
--           sales, monetary = revenue in the period; each scores 1-5 by its percentile rank
--           PERCENT_RANK = (values below) / (N - 1), 0 for N = 1 (ties share the lower rank; for
--           recency, fewer days score higher): score 5 from 0.8, 4 from 0.6, 3 from 0.4, 2 from 0.2.
--           The ranks are counted, not sorted: recency and frequency have few distinct values
--           (counted per value), and "at least k customers have less revenue" is "revenue above the
--           k-th smallest", read off the ranking at position N - k + 1. "rank >= s / 5" is written
--           5 * below >= s * (N - 1) to stay in integers (the same test as the fraction's).
WITH
--#include period_customers
, totals AS (
    -- Per period, not per customer: the ABC thresholds and the positions of the RFM monetary cuts.
    SELECT CAST(0.80 AS DECIMAL(18,4)) * SUM(revenue) AS a_limit,
           CAST(0.95 AS DECIMAL(18,4)) * SUM(revenue) AS b_limit,
           COUNT(*) AS customers,
           SUM(revenue) AS total_revenue,
           -- The k-th smallest revenue, k = ceil(s * (N - 1) / 5) for s = 1..4, stands at position N - k + 1 (N >= 2).
           COUNT(*) - CAST(FLOOR((1 * (COUNT(*) - 1) + 4) / 5.0) AS BIGINT) + 1 AS cut2_position,
           COUNT(*) - CAST(FLOOR((2 * (COUNT(*) - 1) + 4) / 5.0) AS BIGINT) + 1 AS cut3_position,
           COUNT(*) - CAST(FLOOR((3 * (COUNT(*) - 1) + 4) / 5.0) AS BIGINT) + 1 AS cut4_position,
           COUNT(*) - CAST(FLOOR((4 * (COUNT(*) - 1) + 4) / 5.0) AS BIGINT) + 1 AS cut5_position
    FROM per_customer
), ranked AS (
    -- Only the sort key and the running total go through the sort: every column carried along
    -- is moved with each row (gross profit, orders and the last date doubled its time).
    SELECT customer_id, revenue,
           ROW_NUMBER() OVER (ORDER BY revenue DESC, customer_id) AS position,
           SUM(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_revenue
    FROM per_customer
), top_part AS (
    -- One pass over the ranking: the top part's measures, and the positions of the last A and B
    -- customers (a customer's class is then where its own (revenue, id) falls against theirs,
    -- without carrying its other sums through the sort).
    SELECT CAST(COALESCE(SUM(k.revenue), 0) AS DECIMAL(18,2)) AS customer_revenue,
           CAST(COALESCE(SUM(CASE WHEN 5 * (k.position - 1) < t.customers THEN k.revenue ELSE 0 END), 0) AS DECIMAL(18,2)) AS top_revenue,
           COUNT(*) AS ranked_customers,
           CAST(COALESCE(SUM(CASE WHEN 5 * (k.position - 1) < t.customers THEN 1 ELSE 0 END), 0) AS BIGINT) AS top_customers,
           MAX(CASE WHEN k.cumulative_revenue - k.revenue < t.a_limit THEN k.position END) AS a_position,
           MAX(CASE WHEN k.cumulative_revenue - k.revenue < t.b_limit THEN k.position END) AS b_position
    FROM ranked k
    CROSS JOIN totals t
), at_positions AS (
    -- The values at the few positions the other parts read, in one pass: the last A and B
    -- customers' (revenue, id) and the RFM monetary cuts.
    SELECT MAX(CASE WHEN k.position = l.a_position THEN k.revenue END) AS a_revenue,
           MAX(CASE WHEN k.position = l.a_position THEN k.customer_id END) AS a_customer,
           MAX(CASE WHEN k.position = l.b_position THEN k.revenue END) AS b_revenue,
           MAX(CASE WHEN k.position = l.b_position THEN k.customer_id END) AS b_customer,
           MAX(CASE WHEN k.position = t.cut2_position THEN k.revenue END) AS cut2,
           MAX(CASE WHEN k.position = t.cut3_position THEN k.revenue END) AS cut3,
           MAX(CASE WHEN k.position = t.cut4_position THEN k.revenue END) AS cut4,
           MAX(CASE WHEN k.position = t.cut5_position THEN k.revenue END) AS cut5
    FROM ranked k
    CROSS JOIN totals t
    CROSS JOIN top_part l
    WHERE k.position IN (l.a_position, l.b_position, t.cut2_position, t.cut3_position, t.cut4_position, t.cut5_position)
), abc_part AS (
    -- Ranked before or at the boundary customer: more revenue, or as much and a lower id.
    SELECT CASE WHEN p.revenue > b.a_revenue OR (p.revenue = b.a_revenue AND p.customer_id <= b.a_customer) THEN 'A'
                WHEN p.revenue > b.b_revenue OR (p.revenue = b.b_revenue AND p.customer_id <= b.b_customer) THEN 'B'
                ELSE 'C' END AS abc_class,
           p.revenue, p.gross_profit, p.orders
    FROM per_customer p
    CROSS JOIN at_positions b
), period_end AS (
    SELECT day_number - 1 AS last_day_number FROM dim_date WHERE calendar_date = @date_to
), monetary_scored AS (
    SELECT k.last_date, k.orders, k.revenue,
           CASE WHEN t.customers = 1 THEN 1
                WHEN k.revenue > m.cut5 THEN 5
                WHEN k.revenue > m.cut4 THEN 4
                WHEN k.revenue > m.cut3 THEN 3
                WHEN k.revenue > m.cut2 THEN 2
                ELSE 1 END AS m_score
    FROM per_customer k
    CROSS JOIN at_positions m
    CROSS JOIN totals t
), groups AS (
    -- Customers alike in last sale, orders and monetary score: a few thousand rows at most, so
    -- the recency and frequency ranks are joined to those, not to every customer.
    SELECT last_date, orders, m_score, COUNT(*) AS customers, SUM(revenue) AS revenue
    FROM monetary_scored
    GROUP BY last_date, orders, m_score
), recency_counts AS (
    SELECT last_date, SUM(customers) AS customers FROM groups GROUP BY last_date
), recency_ranks AS (
    -- Customers with more days since their last sale (an earlier last sale) rank below.
    SELECT r.last_date, e.last_day_number - d.day_number AS recency,
           CAST(COALESCE(SUM(r.customers) OVER (ORDER BY r.last_date ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS below
    FROM recency_counts r
    JOIN dim_date d ON d.calendar_date = r.last_date
    CROSS JOIN period_end e
), frequency_counts AS (
    SELECT orders, SUM(customers) AS customers FROM groups GROUP BY orders
), frequency_ranks AS (
    SELECT orders,
           CAST(COALESCE(SUM(customers) OVER (ORDER BY orders ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS below
    FROM frequency_counts
), scored AS (
    SELECT g.customers, g.revenue, g.orders * g.customers AS orders, rr.recency * g.customers AS recency, g.m_score,
           CASE WHEN t.customers = 1 THEN 1
                WHEN 5 * rr.below >= 4 * (t.customers - 1) THEN 5
                WHEN 5 * rr.below >= 3 * (t.customers - 1) THEN 4
                WHEN 5 * rr.below >= 2 * (t.customers - 1) THEN 3
                WHEN 5 * rr.below >= 1 * (t.customers - 1) THEN 2
                ELSE 1 END AS r_score,
           CASE WHEN t.customers = 1 THEN 1
                WHEN 5 * fr.below >= 4 * (t.customers - 1) THEN 5
                WHEN 5 * fr.below >= 3 * (t.customers - 1) THEN 4
                WHEN 5 * fr.below >= 2 * (t.customers - 1) THEN 3
                WHEN 5 * fr.below >= 1 * (t.customers - 1) THEN 2
                ELSE 1 END AS f_score
    FROM groups g
    JOIN recency_ranks rr ON rr.last_date = g.last_date
    JOIN frequency_ranks fr ON fr.orders = g.orders
    CROSS JOIN totals t
), parts AS (
    SELECT 'top' AS part, 0 AS part_order, @date_from AS bucket,
           customer_revenue, top_revenue, ranked_customers, top_customers,
           CAST(NULL AS VARCHAR(1)) AS abc_class, CAST(NULL AS INTEGER) AS r_score, CAST(NULL AS INTEGER) AS f_score, CAST(NULL AS INTEGER) AS m_score,
           CAST(NULL AS BIGINT) AS position, CAST(NULL AS BIGINT) AS customers,
           CAST(NULL AS DECIMAL(18,2)) AS revenue, CAST(NULL AS DECIMAL(18,2)) AS gross_profit, CAST(NULL AS BIGINT) AS orders,
           CAST(NULL AS BIGINT) AS recency_days, CAST(NULL AS DECIMAL(18,2)) AS cumulative_revenue, CAST(NULL AS DECIMAL(18,2)) AS total_revenue
    FROM top_part
    UNION ALL
    SELECT 'abc', 1, NULL, NULL, NULL, NULL, NULL,
           abc_class, NULL, NULL, NULL, NULL, COUNT(*),
           CAST(SUM(revenue) AS DECIMAL(18,2)), CAST(SUM(gross_profit) AS DECIMAL(18,2)), CAST(SUM(orders) AS BIGINT),
           NULL, NULL, NULL
    FROM abc_part
    GROUP BY abc_class
    UNION ALL
    SELECT 'pareto', 2, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, k.position, t.customers,
           NULL, NULL, NULL,
           NULL, CAST(k.cumulative_revenue AS DECIMAL(18,2)), CAST(t.total_revenue AS DECIMAL(18,2))
    FROM ranked k
    CROSS JOIN totals t
    WHERE k.position % CAST(FLOOR((t.customers + 199) / 200.0) AS INTEGER) = 0 OR k.position = t.customers OR k.position = 1
    UNION ALL
    SELECT 'rfm', 3, NULL, NULL, NULL, NULL, NULL,
           NULL, r_score, f_score, m_score, NULL, CAST(SUM(customers) AS BIGINT),
           CAST(SUM(revenue) AS DECIMAL(18,2)), NULL, CAST(SUM(orders) AS BIGINT),
           CAST(SUM(recency) AS BIGINT), NULL, NULL
    FROM scored
    GROUP BY r_score, f_score, m_score
)
SELECT part, bucket, customer_revenue, top_revenue, ranked_customers, top_customers,
       abc_class, r_score, f_score, m_score, position, customers, revenue, gross_profit, orders,
       recency_days, cumulative_revenue, total_revenue
FROM parts
ORDER BY part_order, abc_class, position, r_score, f_score, m_score
