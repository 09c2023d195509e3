-- New surrogate keys for one ingest batch, taken from the sequences rather than MAX(id) + 1
-- (which two writers would both take): @orders order ids, @customers customer ids, and so on.
-- Each block is consecutive (one statement, and one writer per process); a kind asked for 0
-- gets NULL.
SELECT
    (SELECT MIN(v) FROM (SELECT nextval('seq_order') AS v FROM range(@orders)) AS o) AS order_id,
    (SELECT MIN(v) FROM (SELECT nextval('seq_customer') AS v FROM range(@customers)) AS c) AS customer_id,
    (SELECT MIN(v) FROM (SELECT nextval('seq_ticket') AS v FROM range(@tickets)) AS t) AS ticket_id,
    (SELECT MIN(v) FROM (SELECT nextval('seq_survey') AS v FROM range(@surveys)) AS s) AS survey_id,
    (SELECT MIN(v) FROM (SELECT nextval('seq_opportunity') AS v FROM range(@opportunities)) AS p) AS opportunity_id
