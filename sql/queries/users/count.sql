SELECT COUNT(*) AS users
FROM app_user
