namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A small CRM whose KPIs are worked out by hand in <c>KpiGoldenTests</c>.
/// The period under test is P = March 2024 ([2024-03-01, 2024-04-01), 31 days). With
/// "previous period" comparison, P' = [2024-01-30, 2024-03-01) and P'' = [2023-12-30, 2024-01-30).
/// </summary>
public static class GoldenDataset
{
    public const string Sql = """
        INSERT INTO dim_region VALUES (1, 'North'), (2, 'South');
        INSERT INTO dim_segment VALUES (1, 'Enterprise'), (2, 'Consumer');
        INSERT INTO dim_channel VALUES (1, 'Online'), (2, 'Store');
        INSERT INTO dim_marketing_channel VALUES (1, 'Email');
        INSERT INTO dim_category VALUES (1, 'Gadgets'), (2, 'Books');
        INSERT INTO dim_team VALUES (1, 'North team', 1), (2, 'South team', 2);
        INSERT INTO dim_rep VALUES (1, 'Rep One', 1, 1, NULL), (2, 'Rep Two', 1, 1, NULL), (3, 'Rep Three', 2, 2, NULL);
        INSERT INTO dim_agent VALUES (1, 'Agent');
        -- Campaign 1 runs [03-01, 03-15) with 10 attribution days: its window is [03-01, 03-25).
        INSERT INTO dim_campaign VALUES
            (1, 'Spring mail', 1, DATE '2024-03-01', DATE '2024-03-15', 10, 1000),
            (2, 'Winter mail', 1, DATE '2024-02-01', DATE '2024-02-10', 5, 500);
        INSERT INTO dim_customer VALUES
            (1, 'C1', 'Ann', 'ann@x.cn', NULL, NULL, 1, 1, 1, DATE '2024-01-10', 1, NULL, TIMESTAMP '2024-01-10 00:00:00'),
            (2, 'C2', 'Bo', 'bo@x.cn', NULL, NULL, 1, 2, 2, DATE '2024-02-10', 1, NULL, TIMESTAMP '2024-01-10 00:00:00'),
            (3, 'C3', 'Cai', 'cai@x.cn', NULL, NULL, 2, 2, 3, DATE '2024-02-15', 1, 1, TIMESTAMP '2024-01-10 00:00:00'),
            (4, 'C4', 'Dan', 'dan@x.cn', NULL, NULL, 2, 1, 3, DATE '2024-03-12', 1, NULL, TIMESTAMP '2024-01-10 00:00:00'),
            (5, 'C5', 'Eva', 'eva@x.cn', NULL, NULL, 1, 2, 1, DATE '2024-03-15', 1, 1, TIMESTAMP '2024-01-10 00:00:00'),
            (6, 'C6', 'Fei', 'fei@x.cn', NULL, NULL, 2, 2, 3, DATE '2024-03-25', 1, NULL, TIMESTAMP '2024-01-10 00:00:00');

        -- order_id, code, customer, date, rep, team, region, segment, channel, category, campaign,
        -- revenue, cost, items, returned_value, status
        INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) VALUES
            -- P''
            (1, 'O1', 1, DATE '2024-01-10', 1, 1, 1, 1, 1, 1, NULL, 100, 60, 1, 0, 'completed'),
            -- P'
            (2, 'O2', 1, DATE '2024-02-05', 1, 1, 1, 1, 1, 1, NULL, 200, 120, 2, 0, 'completed'),
            (3, 'O3', 2, DATE '2024-02-10', 2, 1, 1, 2, 2, 2, NULL, 50, 20, 1, 0, 'completed'),
            (4, 'O4', 3, DATE '2024-02-15', 3, 2, 2, 2, 1, 1, NULL, 150, 100, 3, 15, 'completed'),
            (5, 'O5', NULL, DATE '2024-02-20', NULL, NULL, 2, NULL, 2, 2, NULL, 40, 30, 1, 0, 'completed'),
            -- P
            (6, 'O6', 1, DATE '2024-03-05', 1, 1, 1, 1, 1, 1, 1, 300, 180, 3, 30, 'completed'),
            (7, 'O7', 1, DATE '2024-03-20', 1, 1, 1, 1, 2, 2, NULL, 100, 50, 1, 0, 'completed'),
            (8, 'O8', 3, DATE '2024-03-10', 3, 2, 2, 2, 1, 1, 1, 200, 150, 2, 0, 'completed'),
            (9, 'O9', 4, DATE '2024-03-12', 3, 2, 2, 1, 2, 2, NULL, 400, 300, 4, 0, 'completed'),
            (10, 'O10', 5, DATE '2024-03-15', 1, 1, 1, 2, 1, 1, 1, 80, 40, 2, 0, 'completed'),
            (11, 'O11', NULL, DATE '2024-03-18', NULL, NULL, 1, NULL, 2, 2, NULL, 20, 10, 1, 0, 'completed'),
            (12, 'O12', 2, DATE '2024-03-22', 2, 1, 1, 2, 1, 1, NULL, 500, 100, 5, 0, 'cancelled'),
            (13, 'O13', 6, DATE '2024-03-25', 3, 2, 2, 2, 1, 1, NULL, 0, 0, 1, 0, 'completed'),
            (14, 'O14', 3, DATE '2024-03-28', 3, 2, 2, 2, 1, 1, 1, 60, 30, 1, 0, 'completed');

        -- survey_id, code, customer, date, touchpoint, csat, service_rating, recommend
        INSERT INTO fact_survey (survey_id, survey_code, customer_id, survey_date, touchpoint, csat, service_rating, recommend) VALUES
            (1, 'S1', 1, DATE '2024-03-06', 'service', 90, 9, 10),
            (2, 'S2', 3, DATE '2024-03-11', 'service', 60, 6, 6),
            (3, 'S3', 4, DATE '2024-03-14', 'purchase', 75, NULL, 8),
            (4, 'S4', 2, DATE '2024-02-12', 'service', 40, 4, 3),
            (5, 'S5', 5, DATE '2024-03-20', 'relationship', NULL, NULL, 9);

        -- ticket_id, code, customer, category, channel, submitted, first response, resolved, complaint, agent, wait, talk
        INSERT INTO fact_ticket (ticket_id, ticket_code, customer_id, category, channel, submitted_at, first_response_at, resolved_at, is_complaint, agent_id, wait_seconds, talk_seconds) VALUES
            (1, 'T1', 1, 'billing', 'email', TIMESTAMP '2024-03-06 10:00:00', TIMESTAMP '2024-03-06 10:30:00', TIMESTAMP '2024-03-07 10:00:00', 1, 1, NULL, NULL),
            (2, 'T2', 3, 'delivery', 'chat', TIMESTAMP '2024-03-11 09:00:00', TIMESTAMP '2024-03-11 11:00:00', NULL, 0, 1, NULL, NULL),
            (3, 'T3', 4, 'product', 'phone', TIMESTAMP '2024-03-31 23:00:00', NULL, NULL, 1, 1, NULL, NULL),
            (4, 'T4', 2, 'billing', 'email', TIMESTAMP '2024-02-12 08:00:00', TIMESTAMP '2024-02-12 08:10:00', TIMESTAMP '2024-02-12 12:00:00', 1, 1, NULL, NULL);

        -- campaign, customer, sent, responded, responded_date, converted
        INSERT INTO fact_campaign_touch (campaign_id, customer_id, sent_date, responded, responded_date, converted) VALUES
            (1, 1, DATE '2024-03-02', 1, DATE '2024-03-03', 1),
            (1, 2, DATE '2024-03-02', 0, NULL, 0),
            (1, 3, DATE '2024-03-03', 1, DATE '2024-03-04', 1),
            (2, 1, DATE '2024-02-02', 0, NULL, 0),
            (2, 2, DATE '2024-02-03', 1, DATE '2024-02-04', 1),
            (2, 1, DATE '2024-03-01', 0, NULL, 0);

        INSERT INTO fact_campaign_spend VALUES
            (1, DATE '2024-03-01', 100), (1, DATE '2024-03-10', 200), (1, DATE '2024-04-02', 999),
            (2, DATE '2024-02-02', 50), (2, DATE '2024-02-05', 30);

        -- rep, month, amount, team that month (NULL: the rep's current team)
        INSERT INTO fact_quota VALUES
            (1, DATE '2024-01-01', 3100, 1), (1, DATE '2024-02-01', 2900, 1), (1, DATE '2024-03-01', 3100, 1),
            (2, DATE '2024-03-01', 620, 1),
            (3, DATE '2024-02-01', 1450, NULL), (3, DATE '2024-03-01', 1550, 2);

        -- opportunity_id, code, rep, customer, created, closed, stage, amount
        INSERT INTO fact_opportunity (opportunity_id, opportunity_code, rep_id, customer_id, created_date, closed_date, stage, amount) VALUES
            (1, 'P1', 1, 1, DATE '2024-01-15', DATE '2024-03-10', 'won', 1000),
            (2, 'P2', 1, 2, DATE '2024-02-01', DATE '2024-03-20', 'lost', 500),
            (3, 'P3', 3, 4, DATE '2024-02-15', DATE '2024-03-25', 'won', 800),
            (4, 'P4', 3, 3, DATE '2024-03-01', NULL, 'proposal', 300),
            (5, 'P5', 2, 2, DATE '2024-01-05', DATE '2024-02-20', 'lost', 400);
        """;
}
