-- Second half: the area changed at the version the same transaction just bumped to.
INSERT INTO data_change (area, version)
SELECT @area, version
FROM data_version
WHERE id = 1
