-- DuckDB's materialized.sql: the CTE is computed once however often the query reads it (DuckDB
-- may otherwise inline it into each reference and compute it again there).
MATERIALIZED
