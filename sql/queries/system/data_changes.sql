-- The version at which each data area last changed ('*': a write that touched every area).
SELECT area, version
FROM data_change
