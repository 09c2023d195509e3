-- The twins under queries/member/ answer only for a filter on one member of one of region,
-- segment, channel and category, nothing else filtered and the whole scope (QueryCache picks them
-- then: QueryArgs.IsOneMember); any other arguments get no rows: they fail closed. (That the one
-- filtered dimension names a single member is QueryArgs.IsOneMember's to check: with two, a
-- customer of both would count twice.)
AND @region_all + @segment_all + @channel_all + @category_all = 3
AND @team_all = 1 AND @rep_all = 1 AND @campaign_all = 1 AND @scope_all = 1
