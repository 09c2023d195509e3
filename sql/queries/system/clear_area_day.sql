-- First half of recording that a write touched a day of an area (delete, then insert).
DELETE FROM data_change_day
WHERE area = @area AND day = @day
