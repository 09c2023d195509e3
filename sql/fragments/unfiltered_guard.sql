-- The twins under queries/unfiltered/ answer only when nothing is filtered and the scope is
-- everything (QueryCache picks them then); any other arguments get no rows: they fail closed.
AND @region_all = 1 AND @segment_all = 1 AND @channel_all = 1 AND @category_all = 1
AND @team_all = 1 AND @rep_all = 1 AND @campaign_all = 1 AND @scope_all = 1
