UPDATE app_key
SET last_used_at = @used_at
WHERE key_id = @key_id
