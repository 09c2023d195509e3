-- The key id comes from its sequence: two app instances creating keys at once get different ids.
INSERT INTO dbo.app_key (key_id, name, kind, key_hash, key_prefix, created_at, last_used_at, revoked_at)
VALUES (CAST(NEXT VALUE FOR dbo.seq_key AS INT), @name, @kind, @key_hash, @key_prefix, @created_at, NULL, NULL)
