-- Second half: the area changed on that day at the version the same transaction bumped to.
INSERT INTO data_change_day (area, day, version)
SELECT @area, @day, version
FROM data_version
WHERE id = 1
