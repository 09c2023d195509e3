-- Second half: the area changed in that month at the version the same transaction bumped to.
-- Month 1900-01-01 stands for a write that did not say which dates it touched (every month).
INSERT INTO data_change_month (area, month_start, version)
SELECT @area, @month_start, version
FROM data_version
WHERE id = 1
