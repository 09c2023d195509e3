-- A key is looked up by its hash: the key itself is never stored.
SELECT key_id, name, kind, key_prefix, created_at, last_used_at, revoked_at
FROM app_key
WHERE key_hash = @key_hash
