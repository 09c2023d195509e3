-- First half of rebuilding agg_open_pipeline (a snapshot of what is open now): drop every row.
DELETE FROM agg_open_pipeline
WHERE 1 = 1
