DELETE FROM app_user_team
WHERE user_id = @user_id
