-- The pipeline open now (see open_pipeline.sql) summed per rep and stage (agg_open_pipeline):
-- opportunities, amount and weighted amount, each for its rep's current team. Narrowed by the
-- region (the team's), team and rep filters and the team scope, not by segment.
open_totals AS (
    SELECT a.rep_id, r.team_id, a.stage, a.opportunities, a.amount, a.weighted_amount
    FROM agg_open_pipeline a
    JOIN dim_stage s ON s.stage = a.stage
    JOIN dim_rep r ON r.rep_id = a.rep_id
    JOIN dim_team t ON t.team_id = r.team_id
    WHERE s.is_closed = 0
      --#include current_team_filters
)
