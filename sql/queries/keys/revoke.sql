UPDATE app_key
SET revoked_at = @revoked_at
WHERE key_id = @key_id
  AND revoked_at IS NULL
