-- The pre-aggregates built for this database (aggregate_state).
SELECT name, built_at
FROM aggregate_state
