-- The current data version: a cheap read the change monitor and the cache keys use.
SELECT version, updated_at
FROM data_version
WHERE id = 1
