SELECT key_id, revoked_at
FROM app_key
WHERE key_id = @key_id
