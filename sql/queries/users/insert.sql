-- A new user; user_id comes from the engine (a sequence in DuckDB, IDENTITY in SQL Server).
INSERT INTO app_user (user_name, normalized_user_name, password_hash, security_stamp, concurrency_stamp, role,
                      lockout_enabled, lockout_ends_at, access_failed_count, disabled_at, created_at, last_sign_in_at)
VALUES (@user_name, @normalized_user_name, @password_hash, @security_stamp, @concurrency_stamp, @role,
        @lockout_enabled, @lockout_ends_at, @access_failed_count, @disabled_at, @created_at, @last_sign_in_at)
