-- One customer's record with the names of its dimensions, if the caller's scope may see it
-- (the account owner's team is in scope).
SELECT c.customer_id, c.customer_code, c.name, c.email, c.phone, c.city,
       c.region_id, r.name AS region, c.segment_id, s.name AS segment,
       c.owner_rep_id, rep.name AS owner, rep.team_id, t.name AS team,
       c.acquired_date, mc.name AS acquisition_channel, cp.name AS acquisition_campaign
FROM dim_customer c
LEFT JOIN dim_region r ON r.region_id = c.region_id
LEFT JOIN dim_segment s ON s.segment_id = c.segment_id
LEFT JOIN dim_rep rep ON rep.rep_id = c.owner_rep_id
LEFT JOIN dim_team t ON t.team_id = rep.team_id
LEFT JOIN dim_marketing_channel mc ON mc.marketing_channel_id = c.acquisition_channel_id
LEFT JOIN dim_campaign cp ON cp.campaign_id = c.acquisition_campaign_id
WHERE c.customer_id = @customer_id
  --#include owned_customer
