-- Which of @team_ids are teams (to refuse a user or key limited to a team that does not exist).
SELECT team_id
FROM dim_team
WHERE team_id IN @team_ids
