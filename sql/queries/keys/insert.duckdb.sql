-- The key id comes from its sequence, never MAX + 1.
INSERT INTO app_key (key_id, name, kind, key_hash, key_prefix, created_at, last_used_at, revoked_at)
VALUES (CAST(nextval('seq_key') AS INTEGER), @name, @kind, @key_hash, @key_prefix, @created_at, NULL, NULL)
