-- The arguments the agg_sale_day twins answer for: no filter on rep or campaign (the day rows carry
-- neither) and the whole scope; any other arguments give no rows (fail closed).
AND @rep_all = 1 AND @campaign_all = 1 AND @scope_all = 1
