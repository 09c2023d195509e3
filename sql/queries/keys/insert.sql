INSERT INTO app_key (key_id, name, kind, key_hash, key_prefix, created_at, last_used_at, revoked_at)
SELECT COALESCE(MAX(key_id), 0) + 1, @name, @kind, @key_hash, @key_prefix, @created_at, NULL, NULL
FROM app_key
