-- Saves a user Identity changed, if nobody saved it since it was read (optimistic concurrency:
-- 0 rows means someone else did). The name and its normalised form never change.
UPDATE app_user
SET password_hash = @password_hash,
    security_stamp = @security_stamp,
    concurrency_stamp = @new_concurrency_stamp,
    role = @role,
    lockout_enabled = @lockout_enabled,
    lockout_ends_at = @lockout_ends_at,
    access_failed_count = @access_failed_count,
    disabled_at = @disabled_at,
    last_sign_in_at = @last_sign_in_at
WHERE user_id = @user_id
  AND concurrency_stamp = @concurrency_stamp
