-- The region (the team's), team and rep filters and the team scope for a rep "r" counted for
-- their current team (r.team_id, joined as "t"): the open pipeline's rule, like quota's not by segment.
AND (@region_all = 1 OR t.region_id IN @region_ids)
AND (@team_all = 1 OR r.team_id IN @team_ids)
AND (@rep_all = 1 OR r.rep_id IN @rep_ids)
AND (@scope_all = 1 OR r.team_id IN @scope_team_ids)
