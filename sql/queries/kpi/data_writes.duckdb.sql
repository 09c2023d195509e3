-- Data health (KPIS.md §7) as of @as_of: per table the records written before it, those
-- written in the 24 h before it (from @recent_from) and the age of the newest one in seconds.
-- Only the age differs between the engines (date_diff vs DATEDIFF_BIG).
WITH w AS (
    --#include written_records
), per_table AS (
    SELECT w.record_table,
           COUNT(*) AS records,
           SUM(CASE WHEN w.written_at >= @recent_from THEN 1 ELSE 0 END) AS recent,
           date_diff('second', MAX(w.written_at), @as_of) AS age_seconds
    FROM w
    WHERE w.written_at < @as_of
    GROUP BY w.record_table
)
--#include written_records_pivot
