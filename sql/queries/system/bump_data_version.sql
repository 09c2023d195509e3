-- Every write bumps the version once, inside the writer's transaction.
UPDATE data_version
SET version = version + 1,
    updated_at = @updated_at
WHERE id = 1
