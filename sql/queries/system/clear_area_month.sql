-- First half of recording that a write touched a month of an area (delete, then insert).
DELETE FROM data_change_month
WHERE area = @area AND month_start = @month_start
