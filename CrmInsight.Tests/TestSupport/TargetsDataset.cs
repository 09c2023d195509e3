namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A small sales organisation whose KPIS.md §5 numbers are worked out by hand in
/// <c>TargetsKpiTests</c> and <c>TargetsServiceTests</c>. Today is Friday 2024-05-10 (<see cref="Now"/>):
/// May is a partial month (day 10 of 31) and Q2 = [04-01, 07-01) spans three monthly quotas.
/// <list type="bullet">
/// <item>Alpha (team 1, region 1): Ann (rep 1) and Bo (rep 2, a zero-quota rep in May).</item>
/// <item>Beta (team 2, region 2): Cai (rep 3), who sold for Alpha in April and moved to Beta on 05-01.</item>
/// <item>Gamma (team 3, region 1): Dan (rep 4), outside the scope of a lead of Alpha and Beta.</item>
/// </list>
/// </summary>
public static class TargetsDataset
{
    public static readonly DateTimeOffset Now = new(2024, 5, 10, 15, 0, 0, TimeSpan.Zero);

    public const string Sql = """
        INSERT INTO dim_region VALUES (1, 'North'), (2, 'South');
        INSERT INTO dim_segment VALUES (1, 'Enterprise');
        INSERT INTO dim_team VALUES (1, 'Alpha', 1), (2, 'Beta', 2), (3, 'Gamma', 1);
        -- Cai's current team is Beta; his April quota and sales are Alpha's.
        INSERT INTO dim_rep VALUES (1, 'Ann', 1, 1, NULL), (2, 'Bo', 1, 1, NULL), (3, 'Cai', 2, 2, NULL), (4, 'Dan', 3, 1, NULL);
        INSERT INTO dim_customer VALUES
            (1, 'C1', 'Acme', NULL, NULL, NULL, 1, 1, 1, DATE '2024-01-01', NULL, NULL, TIMESTAMP '2024-01-01 00:00:00'),
            (2, 'C2', 'Birch', NULL, NULL, NULL, 2, 1, 3, DATE '2024-01-01', NULL, NULL, TIMESTAMP '2024-01-01 00:00:00'),
            (3, 'C3', 'Cedar', NULL, NULL, NULL, 1, 1, 4, DATE '2024-01-01', NULL, NULL, TIMESTAMP '2024-01-01 00:00:00');

        -- rep, month, amount, team that month. Bo's May quota is 0; June's quotas are planned.
        INSERT INTO fact_quota VALUES
            (1, DATE '2024-04-01', 3000, 1), (1, DATE '2024-05-01', 3100, 1), (1, DATE '2024-06-01', 3000, 1),
            (2, DATE '2024-05-01', 0, 1),
            (3, DATE '2024-04-01', 1500, 1), (3, DATE '2024-05-01', 1550, 2), (3, DATE '2024-06-01', 1500, 2),
            (4, DATE '2024-04-01', 6000, 3), (4, DATE '2024-05-01', 6200, 3);

        -- order_id, code, customer, date, rep, team (on the order), region, segment, channel, category,
        -- campaign, revenue, cost, items, returned_value, status
        INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) VALUES
            -- April
            (1, 'O1', 1, DATE '2024-04-10', 1, 1, 1, 1, NULL, NULL, NULL, 2500, 1000, 1, 0, 'completed'),
            (2, 'O2', 2, DATE '2024-04-20', 3, 1, 2, 1, NULL, NULL, NULL, 600, 300, 1, 0, 'completed'),
            (3, 'O3', 3, DATE '2024-04-15', 4, 3, 1, 1, NULL, NULL, NULL, 5000, 2000, 1, 0, 'completed'),
            -- May up to today (05-10 included)
            (4, 'O4', 1, DATE '2024-05-02', 1, 1, 1, 1, NULL, NULL, NULL, 1000, 400, 1, 0, 'completed'),
            (5, 'O5', 1, DATE '2024-05-08', 1, 1, 1, 1, NULL, NULL, NULL, 240, 100, 1, 0, 'completed'),
            (6, 'O6', 1, DATE '2024-05-09', 1, 1, 1, 1, NULL, NULL, NULL, 500, 100, 1, 0, 'cancelled'),
            (7, 'O7', 1, DATE '2024-05-03', 2, 1, 1, 1, NULL, NULL, NULL, 200, 80, 1, 0, 'completed'),
            (8, 'O8', 2, DATE '2024-05-06', 3, 2, 2, 1, NULL, NULL, NULL, 310, 100, 1, 0, 'completed'),
            (9, 'O9', 3, DATE '2024-05-07', 4, 3, 1, 1, NULL, NULL, NULL, 1000, 500, 1, 0, 'completed'),
            (10, 'O10', NULL, DATE '2024-05-05', NULL, NULL, 1, NULL, NULL, NULL, NULL, 50, 20, 1, 0, 'completed'),
            (11, 'O11', 1, DATE '2024-05-10', 1, 1, 1, 1, NULL, NULL, NULL, 60, 20, 1, 0, 'completed');

        -- opportunity_id, code, rep, customer, created, closed, stage, amount
        INSERT INTO fact_opportunity (opportunity_id, opportunity_code, rep_id, customer_id, created_date, closed_date, stage, amount) VALUES
            -- open now (stage probabilities 0.10, 0.25, 0.50, 0.75)
            (1, 'P1', 1, 1, DATE '2024-04-25', NULL, 'prospecting', 1000),
            (2, 'P2', 1, 1, DATE '2024-04-02', NULL, 'qualification', 400),
            (3, 'P3', 2, 1, DATE '2024-03-15', NULL, 'proposal', 600),
            (4, 'P4', 3, 2, DATE '2024-02-01', NULL, 'negotiation', 800),
            (5, 'P5', 4, 3, DATE '2024-03-01', NULL, 'negotiation', 2000),
            -- closed in May
            (6, 'P6', 1, 1, DATE '2024-04-01', DATE '2024-05-02', 'won', 3000),
            (7, 'P7', 1, 1, DATE '2024-04-20', DATE '2024-05-06', 'lost', 700),
            (8, 'P8', 3, 2, DATE '2024-03-12', DATE '2024-05-08', 'won', 900),
            (9, 'P9', 2, 1, DATE '2024-05-01', DATE '2024-05-09', 'lost', 300),
            -- closed in April, when Cai sold for Alpha
            (10, 'P10', 3, 2, DATE '2024-04-01', DATE '2024-04-21', 'won', 500);

        -- activity_id, rep, customer, date, kind
        INSERT INTO fact_activity (activity_id, rep_id, customer_id, activity_date, kind) VALUES
            (1, 1, 1, DATE '2024-05-02', 'call'), (2, 1, 1, DATE '2024-05-03', 'call'), (3, 1, 1, DATE '2024-05-06', 'call'),
            (4, 1, 1, DATE '2024-05-07', 'visit'),
            (5, 2, 1, DATE '2024-05-03', 'email'), (6, 2, 1, DATE '2024-05-08', 'email'),
            (7, 3, 2, DATE '2024-05-09', 'meeting'),
            (8, 4, 3, DATE '2024-05-02', 'call'), (9, 4, 3, DATE '2024-05-03', 'call'), (10, 4, 3, DATE '2024-05-06', 'call'),
            (11, 4, 3, DATE '2024-05-07', 'call'), (12, 4, 3, DATE '2024-05-08', 'call'),
            (13, 3, 2, DATE '2024-04-10', 'call'), (14, 3, 2, DATE '2024-04-11', 'call');
        """;
}
