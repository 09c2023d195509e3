INSERT INTO app_key_team (key_id, team_id)
VALUES (@key_id, @team_id)
