-- The opportunities open now (a stage that is not closed), whatever the period: stages are not
-- historised, so the pipeline is a snapshot. Each counts for its rep's current team. Narrowed
-- by the region (the team's), team and rep filters and the team scope: like quota, and so
-- pipeline coverage, not by segment.
open_pipeline AS (
    SELECT o.opportunity_id, o.rep_id, r.team_id, o.stage, s.sort_order, s.probability, o.amount,
           CAST(o.amount * s.probability AS DECIMAL(18,4)) AS weighted_amount
    FROM fact_opportunity o
    JOIN dim_stage s ON s.stage = o.stage
    JOIN dim_rep r ON r.rep_id = o.rep_id
    JOIN dim_team t ON t.team_id = r.team_id
    WHERE s.is_closed = 0
      --#include current_team_filters
)
