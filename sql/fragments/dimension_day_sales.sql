-- The CTE "day_scoped": the agg_sale_day rows of [date_from, date_to), each with its member of one
-- dimension (dimension_member) and its sales' revenue, cost and count: what "scoped"
-- (dimension_sales) sums per member, for the unfiltered twins of contribution/by_dimension and
-- contribution/by_dimension_revenue, under the filters its rows carry (day_filters; by_dimension's
-- twin answers unfiltered only, its own guard). A row may count no sale (only cancelled orders that day):
-- the twins drop members with no sale, as the facts never show them.
day_scoped AS (
    SELECT
           --#include dimension_member
           AS member_id,
           o.revenue, o.cost, o.orders
    FROM agg_sale_day o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      --#include day_filters
)
