-- One user by id or by normalised name (@by = 'id' | 'name'), with one row per team they lead
-- (team_id NULL when none).
SELECT u.user_id, u.user_name, u.normalized_user_name, u.password_hash, u.security_stamp, u.concurrency_stamp,
       u.role, u.lockout_enabled, u.lockout_ends_at, u.access_failed_count, u.disabled_at, u.created_at,
       u.last_sign_in_at, t.team_id
FROM app_user u
LEFT JOIN app_user_team t ON t.user_id = u.user_id
WHERE (@by = 'id' AND u.user_id = @user_id)
   OR (@by = 'name' AND u.normalized_user_name = @normalized_user_name)
ORDER BY t.team_id
