-- First half of refreshing agg_sale_pair (once per write, after agg_sale_chain): drop the
-- counts of @from_date (the earliest date the write touched) and later. The chain rows before
-- it did not change (sale_chain_delete keeps them), so neither did their counts.
DELETE FROM agg_sale_pair
WHERE sale_date >= @from_date
