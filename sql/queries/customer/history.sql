-- One customer's latest service tickets, surveys and campaign touches (any date), newest first,
-- as one list: kind, date and a few fields each.
WITH events AS (
    SELECT 'ticket' AS kind, CAST(t.submitted_at AS DATE) AS event_date, t.ticket_code AS code,
           t.category AS detail, t.channel AS channel,
           CASE WHEN t.resolved_at IS NULL THEN 'open' ELSE 'resolved' END AS outcome,
           CAST(t.is_complaint AS INTEGER) AS score
    FROM fact_ticket t
    WHERE t.customer_id = @customer_id
    UNION ALL
    SELECT 'survey', s.survey_date, s.survey_code, s.touchpoint, NULL,
           CASE WHEN s.recommend >= 9 THEN 'promoter' WHEN s.recommend <= 6 THEN 'detractor' ELSE 'passive' END,
           CAST(s.csat AS INTEGER)
    FROM fact_survey s
    WHERE s.customer_id = @customer_id
    UNION ALL
    SELECT 'touch', tc.sent_date, cp.name, NULL, mc.name,
           CASE WHEN tc.converted = 1 THEN 'converted' WHEN tc.responded = 1 THEN 'responded' ELSE 'no response' END,
           NULL
    FROM fact_campaign_touch tc
    JOIN dim_campaign cp ON cp.campaign_id = tc.campaign_id
    LEFT JOIN dim_marketing_channel mc ON mc.marketing_channel_id = cp.marketing_channel_id
    WHERE tc.customer_id = @customer_id
)
SELECT kind, event_date, code, detail, channel, outcome, score
FROM events e
WHERE EXISTS (
    SELECT 1 FROM dim_customer c
    WHERE c.customer_id = @customer_id
      --#include owned_customer
)
ORDER BY event_date DESC, kind, code
OFFSET 0 ROWS FETCH NEXT 60 ROWS ONLY
