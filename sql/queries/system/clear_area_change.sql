-- First half of recording that a write touched an area (delete, then insert: portable upsert).
DELETE FROM data_change
WHERE area = @area
