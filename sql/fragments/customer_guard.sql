-- The arguments a twin marked --#customer-filters answers for: any filter on the customer (region,
-- segment, the owner's team and rep: customer_filters, which the twin applies), none on the sale's
-- channel, category or campaign, and the whole scope; any other arguments give no rows (fail closed).
AND @channel_all = 1 AND @category_all = 1 AND @campaign_all = 1 AND @scope_all = 1
