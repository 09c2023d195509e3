SELECT key_id, name, kind, key_prefix, created_at, last_used_at, revoked_at
FROM app_key
ORDER BY created_at DESC, key_id DESC
