-- The rows of overview/revenue_by_region and its unfiltered twin from their CTE "scoped"
-- (region_id, revenue, cost of each sale or day group): per region, named, largest first.
SELECT s.region_id,
       MAX(r.name) AS region_name,
       CAST(SUM(s.revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(s.revenue - s.cost) AS DECIMAL(18,2)) AS gross_profit
FROM scoped s
LEFT JOIN dim_region r ON r.region_id = s.region_id
GROUP BY s.region_id
ORDER BY revenue DESC
