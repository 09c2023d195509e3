INSERT INTO app_user_team (user_id, team_id)
VALUES (@user_id, @team_id)
