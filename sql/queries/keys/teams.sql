-- The teams keys are limited to (a key with no row sees every team).
SELECT key_id, team_id
FROM app_key_team
ORDER BY key_id, team_id
