-- First half of recording a rebuild (delete, then insert: portable upsert).
DELETE FROM aggregate_state
WHERE name = @name
