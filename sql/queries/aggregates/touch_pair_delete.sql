-- First half of refreshing agg_touch_pair (once per write of touches, after agg_touch_chain):
-- drop the counts of @from_date (the earliest sent date the write touched) and later. The chain
-- rows before it did not change (touch_chain_delete keeps them), so neither did their counts.
DELETE FROM agg_touch_pair
WHERE sent_date >= @from_date
