using CrmInsight.Domain.DataHealth;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.DataHealth;

/// <summary>
/// data_completeness, freshness and update_rate (KPIS.md §7) against records counted by hand.
/// The clock reads 2024-04-15 12:00 UTC; the period runs 2024-04-01 to date, so it is measured
/// as of now (12:00), and its 24 hours start 2024-04-14 12:00. The comparison period
/// [2024-03-17, 2024-04-01) is measured as of its end, 2024-04-01 00:00.
/// </summary>
public sealed class DataHealthTests : IAsyncLifetime
{
    // Team 1: reps 1 and 2; team 2: rep 3.
    private const string Data = """
        INSERT INTO dim_region VALUES (1, 'North'), (2, 'South');
        INSERT INTO dim_segment VALUES (1, 'Enterprise');
        INSERT INTO dim_team VALUES (1, 'North team', 1), (2, 'South team', 2);
        INSERT INTO dim_rep VALUES (1, 'Rep One', 1, 1, NULL), (2, 'Rep Two', 1, 1, NULL), (3, 'Rep Three', 2, 2, NULL);
        -- customer_id, code, name, email, phone, city, region, segment, owner, acquired, channel, campaign, updated_at
        INSERT INTO dim_customer VALUES
            -- complete
            (1, 'C1', 'Ann', 'ann@x.cn', NULL, NULL, 1, 1, 1, DATE '2024-01-01', 1, NULL, TIMESTAMP '2024-04-15 09:00:00'),
            -- no segment
            (2, 'C2', 'Bo', 'bo@x.cn', NULL, NULL, 1, NULL, 1, DATE '2024-01-01', 1, NULL, TIMESTAMP '2024-04-10 10:00:00'),
            -- a blank name, and neither e-mail nor phone (a blank e-mail counts as none)
            (3, 'C3', '  ', '', NULL, NULL, 2, 1, 3, DATE '2024-01-01', 1, NULL, TIMESTAMP '2024-04-14 13:00:00'),
            -- complete with a phone only
            (4, 'C4', 'Dan', NULL, '+86 138 0000 0000', NULL, 2, 1, 3, DATE '2024-01-01', 1, NULL, TIMESTAMP '2024-03-01 08:00:00'),
            -- no region
            (5, 'C5', 'Eva', 'eva@x.cn', NULL, NULL, NULL, 1, 2, DATE '2024-01-01', 1, NULL, TIMESTAMP '2024-04-15 11:30:00');
        INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id,
                                campaign_id, revenue, cost, items, returned_value, status, written_at) VALUES
            (1, 'O1', 1, DATE '2024-04-15', 1, 1, 1, 1, 1, 1, NULL, 100, 60, 1, 0, 'completed', TIMESTAMP '2024-04-15 11:45:00'),
            (2, 'O2', 4, DATE '2024-04-01', 3, 2, 2, 1, 1, 1, NULL, 100, 60, 1, 0, 'completed', TIMESTAMP '2024-04-01 08:00:00'),
            -- written after "now": not counted as of now
            (3, 'O3', 1, DATE '2024-04-15', 1, 1, 1, 1, 1, 1, NULL, 100, 60, 1, 0, 'completed', TIMESTAMP '2024-04-15 12:30:00');
        INSERT INTO fact_ticket (ticket_id, ticket_code, customer_id, category, channel, submitted_at, first_response_at, resolved_at,
                                 is_complaint, agent_id, wait_seconds, talk_seconds, written_at) VALUES
            (1, 'T1', 4, 'billing', 'email', TIMESTAMP '2024-04-13 10:00:00', NULL, NULL, 0, NULL, NULL, NULL, TIMESTAMP '2024-04-13 12:00:00');
        """;

    private static readonly DashboardFilter April = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 16));

    private TestDatabase _db = null!;
    private DataHealthService _health = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(Data);
        _health = new DataHealthService(_db.Kpis, _db.Cache, _db.Periods, _db.VersionSource);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>
    /// 5 customers; complete: C1 and C4 → 2 / 5 = 0.4. Name missing for C3, region for C5,
    /// segment for C2, a contact for C3: each field 4 of 5. E-mail: C1, C2, C5 = 3; phone: C4 = 1.
    /// </summary>
    [Fact]
    public async Task Completeness_counts_customers_with_every_field()
    {
        var data = await _health.GetAsync(April, DataScope.All);

        Assert.Equal(0.4m, data.Kpis["data_completeness"].Value);
        Assert.Null(data.Kpis["data_completeness"].ComparisonValue);
        Assert.Equal(2, data.Overall.Present);
        Assert.Equal(5, data.Overall.Customers);
        var fields = data.Fields.ToDictionary(f => f.Field, f => f.Present);
        Assert.Equal(4, fields["name"]);
        Assert.Equal(4, fields["region"]);
        Assert.Equal(4, fields["segment"]);
        Assert.Equal(4, fields["contact"]);
        Assert.Equal(3, fields["email"]);
        Assert.Equal(1, fields["phone"]);
    }

    /// <summary>
    /// As of 12:00: written before it are orders O1, O2 (O3 at 12:30 is later), ticket T1 and the
    /// five customers = 8 records. In the 24 h from 2024-04-14 12:00: O1, C1, C3, C5 = 4, so the
    /// update rate is 4 / 8 = 0.5. The newest write is O1 at 11:45: 15 minutes.
    /// Per table: orders 2 records, 1 recent, newest 900 s old; tickets 1, 0, 48 h = 172 800 s;
    /// customers 5, 3, C5 at 11:30 = 1 800 s.
    /// As of 2024-04-01 00:00 (the comparison): only C4 (2024-03-01 08:00) was written: update
    /// rate 0 / 1 = 0; freshness 30 days 16 hours = 736 h = 44 160 minutes.
    /// </summary>
    [Fact]
    public async Task Freshness_and_update_rate_are_measured_as_of_now_and_as_of_the_comparison_end()
    {
        var data = await _health.GetAsync(April, DataScope.All);

        Assert.Equal(new DateTime(2024, 4, 15, 12, 0, 0, DateTimeKind.Utc), data.AsOfUtc);
        Assert.Equal(15m, data.Kpis["freshness"].Value);
        Assert.Equal(44_160m, data.Kpis["freshness"].ComparisonValue);
        Assert.Equal(0.5m, data.Kpis["update_rate"].Value);
        Assert.Equal(0m, data.Kpis["update_rate"].ComparisonValue);

        var tables = data.Tables.ToDictionary(t => t.Table);
        Assert.Equal((2L, 1L, 900L), (tables["orders"].Records, tables["orders"].Recent, tables["orders"].AgeSeconds!.Value));
        Assert.Equal((1L, 0L, 172_800L), (tables["tickets"].Records, tables["tickets"].Recent, tables["tickets"].AgeSeconds!.Value));
        Assert.Equal((5L, 3L, 1_800L), (tables["customers"].Records, tables["customers"].Recent, tables["customers"].AgeSeconds!.Value));
        Assert.Equal(0, tables["surveys"].Records);
        Assert.Null(tables["surveys"].AgeSeconds);
        Assert.Null(tables["surveys"].UpdateRate);
    }

    /// <summary>
    /// Team 1 owns C1, C2 (rep 1) and C5 (rep 2) and order O1 (and the later O3); T1 is C4's,
    /// team 2's. Completeness: C1 complete of 3 → 1/3. Records: O1 + C1, C2, C5 = 4; recent O1, C1,
    /// C5 = 3 → 0.75; newest O1, 15 minutes.
    /// </summary>
    [Fact]
    public async Task A_team_scope_sees_only_its_teams_records()
    {
        var data = await _health.GetAsync(April, DataScope.ForTeams(IdSet.Of(1)));

        Assert.Equal(1m / 3m, data.Kpis["data_completeness"].Value);
        Assert.Equal(0.75m, data.Kpis["update_rate"].Value);
        Assert.Equal(15m, data.Kpis["freshness"].Value);
        Assert.Equal(0, data.Tables.Single(t => t.Table == "tickets").Records);
    }

    /// <summary>The list to fix: C2, C3 and C5, newest write first (C5 11:30 on the 15th, C3 on the 14th, C2 on the 10th), each with what it misses.</summary>
    [Fact]
    public async Task The_incomplete_records_are_listed_with_what_they_miss()
    {
        var table = TableCatalog.IncompleteCustomers;
        var page = await _db.Tables.GetPageAsync(table, April, DataScope.All, table.Request(null, null, 0, 25));

        Assert.Equal(3, page.Total);
        Assert.Equal(["C5", "C3", "C2"], page.Rows.Select(r => r.GetString("customer_code")));
        var c3 = page.Rows[1];
        Assert.Equal((1L, 0L, 0L, 1L), (c3.GetInt64("missing_name"), c3.GetInt64("missing_region"), c3.GetInt64("missing_segment"), c3.GetInt64("missing_contact")));
        Assert.Equal(1, page.Rows[0].GetInt64("missing_region"));
        Assert.Equal(1, page.Rows[2].GetInt64("missing_segment"));
    }
}
