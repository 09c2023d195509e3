-- A date before any sale, for "no previous sale" in COALESCE(previous date, this) < start: the same
-- test as (previous IS NULL OR previous < start). Where the test filters rows after a scan rather
-- than in it, DuckDB evaluates that OR row by row, and this is cheaper (at 10 M orders:
-- kpi/complaints by month 56 -> 37 ms, unfiltered contribution/by_dimension 13 -> 9,
-- member/kpi/retention_monthly 43 -> 33). Inside a scan's own filter, on a constant, it is not.
CAST('1900-01-01' AS DATE)
