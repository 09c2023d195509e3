-- Second half: the pre-aggregates of this name were rebuilt whole at @built_at.
INSERT INTO aggregate_state (name, built_at)
VALUES (@name, @built_at)
