-- The CTE "scoped": the sales of [date_from, date_to) under the filters, each with its member of
-- one dimension (@dimension: 'region', 'segment', 'channel' or 'category'; NULL: none, e.g. the
-- segment of an anonymous sale). Shared by contribution/by_dimension and its revenue-only
-- comparison, contribution/by_dimension_revenue.
scoped AS (
    SELECT
           --#include dimension_member
           AS member_id,
           o.revenue, o.cost, o.customer_id
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
)
