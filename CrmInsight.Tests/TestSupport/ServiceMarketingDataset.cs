namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A small CRM for the satisfaction and marketing KPIs (KPIS.md §3 and §4), worked out by hand in
/// <c>ServiceKpiTests</c> and <c>MarketingKpiTests</c>. P = March 2024; with "previous period"
/// comparison P' = [2024-01-30, 2024-03-01). C1 and C3 are in region 1, C2 and C4 in region 2.
/// </summary>
public static class ServiceMarketingDataset
{
    public const string Sql = """
        INSERT INTO dim_region VALUES (1, 'North'), (2, 'South');
        INSERT INTO dim_segment VALUES (1, 'Enterprise');
        INSERT INTO dim_channel VALUES (1, 'Online');
        INSERT INTO dim_marketing_channel VALUES (1, 'Email'), (2, 'Social');
        INSERT INTO dim_category VALUES (1, 'Gadgets'), (2, 'Books');
        INSERT INTO dim_team VALUES (1, 'North team', 1);
        INSERT INTO dim_rep VALUES (1, 'Rep One', 1, 1, NULL);
        INSERT INTO dim_agent VALUES (1, 'Agent A'), (2, 'Agent B');
        -- Spring runs [03-01, 03-11) with 5 attribution days: orders count until 03-16 (exclusive).
        -- Free runs [03-01, 03-31) with none and has no spend.
        INSERT INTO dim_campaign VALUES
            (1, 'Spring', 1, DATE '2024-03-01', DATE '2024-03-11', 5, 1000),
            (2, 'Free', 2, DATE '2024-03-01', DATE '2024-03-31', 0, NULL);
        INSERT INTO dim_customer VALUES
            (1, 'C1', 'Ann', NULL, NULL, NULL, 1, 1, 1, DATE '2024-03-15', 1, 1, TIMESTAMP '2024-01-10 00:00:00'),
            (2, 'C2', 'Bo', NULL, NULL, NULL, 2, 1, 1, DATE '2024-03-01', NULL, NULL, TIMESTAMP '2024-01-10 00:00:00'),
            (3, 'C3', 'Cai', NULL, NULL, NULL, 1, 1, 1, DATE '2024-01-10', NULL, NULL, TIMESTAMP '2024-01-10 00:00:00'),
            (4, 'C4', 'Dan', NULL, NULL, NULL, 2, 1, 1, DATE '2024-03-20', 2, 2, TIMESTAMP '2024-01-10 00:00:00');

        -- order_id, code, customer, date, rep, team, region, segment, channel, category, campaign,
        -- revenue, cost, items, returned_value, status
        INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) VALUES
            (1, 'O1', 1, DATE '2024-03-15', 1, 1, 1, 1, 1, 1, 1, 500, 300, 1, 0, 'completed'),
            (2, 'O2', 3, DATE '2024-03-16', 1, 1, 1, 1, 1, 1, 1, 300, 200, 1, 0, 'completed'),
            (3, 'O3', 2, DATE '2024-03-01', 1, 1, 2, 1, 1, 1, NULL, 100, 50, 1, 0, 'completed'),
            (4, 'O4', 4, DATE '2024-03-20', 1, 1, 2, 1, 1, 1, 2, 200, 100, 1, 0, 'completed'),
            (5, 'O5', 3, DATE '2024-01-10', 1, 1, 1, 1, 1, 1, NULL, 80, 40, 1, 0, 'completed'),
            (6, 'O6', 1, DATE '2024-03-20', 1, 1, 1, 1, 1, 2, NULL, 50, 20, 1, 0, 'completed');

        -- survey_id, code, customer, date, touchpoint, csat, service_rating, recommend
        INSERT INTO fact_survey (survey_id, survey_code, customer_id, survey_date, touchpoint, csat, service_rating, recommend) VALUES
            (1, 'S1', 1, DATE '2024-03-02', 'service', 49, 4, 6),
            (2, 'S2', 1, DATE '2024-03-03', 'service', 50, 5, 7),
            (3, 'S3', 2, DATE '2024-03-04', 'service', 69, 6, 9),
            (4, 'S4', 2, DATE '2024-03-05', 'service', 70, 7, 10),
            (5, 'S5', 3, DATE '2024-03-06', 'service', 89, 8, 0),
            (6, 'S6', 3, DATE '2024-03-07', 'service', 90, 9, NULL),
            (7, 'S7', 3, DATE '2024-03-08', 'service', 100, 10, NULL),
            (8, 'S8', 1, DATE '2024-03-09', 'service', 0, 1, NULL),
            (9, 'S9', 4, DATE '2024-03-10', 'service', 95, 9, 8);

        -- ticket_id, code, customer, category, channel, submitted, first response, resolved, complaint, agent, wait, talk
        INSERT INTO fact_ticket (ticket_id, ticket_code, customer_id, category, channel, submitted_at, first_response_at, resolved_at, is_complaint, agent_id, wait_seconds, talk_seconds) VALUES
            (1, 'T1', 1, 'billing', 'phone', TIMESTAMP '2024-03-01 09:00:00', TIMESTAMP '2024-03-01 09:10:00', TIMESTAMP '2024-03-01 11:00:00', 1, 1, 60, 300),
            (2, 'T2', 1, 'billing', 'email', TIMESTAMP '2024-03-31 10:00:00', TIMESTAMP '2024-03-31 10:20:00', TIMESTAMP '2024-03-31 14:00:00', 0, 1, NULL, NULL),
            (3, 'T3', 2, 'delivery', 'chat', TIMESTAMP '2024-03-05 10:00:00', TIMESTAMP '2024-03-05 10:30:00', TIMESTAMP '2024-03-05 20:00:00', 0, 2, NULL, NULL),
            (4, 'T4', 2, 'product', 'phone', TIMESTAMP '2024-03-10 12:00:00', TIMESTAMP '2024-03-10 12:30:00', NULL, 1, 2, 120, 600),
            (5, 'T5', 3, 'billing', 'web', TIMESTAMP '2024-03-20 08:00:00', NULL, NULL, 0, NULL, NULL, NULL),
            (6, 'T6', 2, 'delivery', 'chat', TIMESTAMP '2024-02-03 10:00:00', TIMESTAMP '2024-02-03 10:40:00', TIMESTAMP '2024-02-03 11:00:00', 0, 2, NULL, NULL);

        -- campaign, customer, sent, responded, responded_date, converted (the column is not read:
        -- conversion is worked out from the orders)
        INSERT INTO fact_campaign_touch (campaign_id, customer_id, sent_date, responded, responded_date, converted) VALUES
            (1, 1, DATE '2024-03-02', 1, DATE '2024-03-03', 0),
            (1, 2, DATE '2024-03-02', 0, NULL, 0),
            (1, 3, DATE '2024-03-03', 1, DATE '2024-03-04', 0),
            (2, 1, DATE '2024-03-05', 0, NULL, 0),
            (1, 4, DATE '2024-03-04', 0, NULL, 0);

        INSERT INTO fact_campaign_spend VALUES
            (1, DATE '2024-03-01', 300), (1, DATE '2024-03-10', 100), (1, DATE '2024-02-20', 70);
        """;
}
