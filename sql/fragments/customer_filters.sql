-- The filters that describe a customer, on dim_customer "c" and its owner's dim_rep "r",
-- and the team scope through the owner.
AND (@region_all = 1 OR c.region_id IN @region_ids)
AND (@segment_all = 1 OR c.segment_id IN @segment_ids)
AND (@team_all = 1 OR r.team_id IN @team_ids)
AND (@rep_all = 1 OR c.owner_rep_id IN @rep_ids)
--#include owned_customer
