-- First half of refreshing agg_conversion_pair (once per write, after agg_touch_conversion): drop
-- the counts of @from_date and later (a write of touches: its earliest sent date; of orders: the
-- earliest sent date conversion_pair_from finds). The rows before it did not change, so neither
-- did their counts.
DELETE FROM agg_conversion_pair
WHERE sent_date >= @from_date
