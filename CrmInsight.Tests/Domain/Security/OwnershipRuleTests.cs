using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Security;

/// <summary>
/// The ownership rule of docs/KPIS.md on the golden dataset plus three orders sold across teams,
/// for the North team's scope (team 1 = Rep One, Rep Two; it owns C1, C2, C5; team 2 = Rep
/// Three owns C3, C4, C6). Period P = March 2024, P' = February.
///   O20  2024-03-08  Rep One (team 1) sells to C3 (team 2's customer)     55
///   O21  2024-03-10  Rep Three (team 2) sells to C2 (team 1's customer)   70
///   O22  2024-02-20  Rep Two (team 1) sells to C4 (team 2's customer)     30
/// Each test names the side door it closes; before the fix each answered with another team's rows.
/// </summary>
public sealed class OwnershipRuleTests : IAsyncLifetime
{
    private static readonly DataScope North = DataScope.ForTeams(IdSet.Of(1));
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql + """
            INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) VALUES
                (20, 'O20', 3, DATE '2024-03-08', 1, 1, 2, 2, 1, 1, NULL, 55, 30, 1, 0, 'completed'),
                (21, 'O21', 2, DATE '2024-03-10', 3, 2, 1, 2, 1, 1, NULL, 70, 40, 1, 0, 'completed'),
                (22, 'O22', 4, DATE '2024-02-20', 2, 1, 2, 1, 1, 1, NULL, 30, 10, 1, 0, 'completed');
            """);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<IReadOnlyList<SqlRow>> RowsAsync(TableDefinition table, DataScope scope, SqlArgs? extra = null) =>
        (await _db.Tables.GetPageAsync(table, March, scope, table.Request(null, null, 0, 100), extra)).Rows;

    private static List<string?> Codes(IEnumerable<SqlRow> rows) => [.. rows.Select(r => r.GetString("customer_code")).Order()];

    [Fact]
    public async Task Top_customers_lists_only_customers_the_team_owns()
    {
        // Team 1's March sales: C1 O6 300 + O7 100 = 400, C5 O10 80, C3 O20 55 (O12 is cancelled).
        // C3 is team 2's customer: its 55 counts in team 1's revenue, but C3 is not listed by name.
        var rows = await RowsAsync(TableCatalog.TopCustomers, North);

        Assert.Equal(["C1", "C5"], Codes(rows));
        Assert.Equal([400m, 80m], rows.Select(r => r.GetDecimal("revenue")!.Value));
        Assert.Contains("C3", Codes(await RowsAsync(TableCatalog.TopCustomers, DataScope.All)));
    }

    [Fact]
    public async Task Churned_customers_lists_only_customers_the_team_owns()
    {
        // Team 1 sold in February to C1 (O2), C2 (O3) and C4 (O22); in March to C1, C5, C3.
        // Churned for team 1: C2 (its March order O21 is team 2's) and C4 — but C4 is team 2's customer.
        var rows = await RowsAsync(TableCatalog.ChurnedCustomers, North);

        Assert.Equal(["C2"], Codes(rows));
    }

    [Fact]
    public async Task The_drills_customer_level_lists_only_customers_the_team_owns()
    {
        var rows = await RowsAsync(TableCatalog.Drill, North, SqlArgs.Empty.With("level", "customer"));

        // Members C1, C5 and C3 (O20); C3 is not team 1's customer.
        Assert.Equal(["Ann", "Eva"], rows.Select(r => r.GetString("name")).Order());
    }

    [Fact]
    public async Task Another_teams_customer_has_no_page_orders_or_history_for_the_team()
    {
        var customers = _db.Customers;

        Assert.Null(await customers.GetAsync(3, March, North));
        Assert.False(await customers.IsVisibleAsync(3, North));
        Assert.NotNull(await customers.GetAsync(1, March, North));
        // O20 is team 1's order, but C3's orders are C3's owner's to list.
        Assert.Empty(await RowsAsync(TableCatalog.CustomerOrders, North, SqlArgs.Empty.With("customer_id", 3L)));
        Assert.Equal(3, (await RowsAsync(TableCatalog.CustomerOrders, DataScope.All, SqlArgs.Empty.With("customer_id", 3L))).Count); // C3's March orders: O8, O14, O20
    }

    [Fact]
    public async Task A_conversion_needs_a_sale_the_team_sees()
    {
        // Touches sent in March: C1 (Spring 03-02, Winter 03-01), C2 (Spring 03-02), C3 (Spring 03-03).
        // Spring's window is [sent, 03-25). All teams: C1 bought 03-05 (O6), C2 03-10 (O21), C3
        // 03-08 (O20) → 3 of 3. Team 1 targets its own customers C1 and C2; C2's only sale in the
        // window is team 2's O21, which is not team 1's conversion → 1 of 2 (before: 2 of 2).
        var all = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["conversion_rate"]);
        var north = await _db.Kpis.GetKpisAsync(March, North, ["conversion_rate"]);

        Assert.Equal(1m, all.Kpis[0].Value);
        Assert.Equal(0.5m, north.Kpis[0].Value);
    }

    [Fact]
    public async Task Customers_a_campaign_reached_show_only_the_teams_sales()
    {
        // Team 1's reached customers in March: C1 and C2. C1's March sales of team 1: 300 + 100;
        // C2's only March sale is team 2's O21 (70): 0 for team 1 (before: 70).
        var rows = await RowsAsync(TableCatalog.CampaignCustomers, North);

        Assert.Equal(["C1", "C2"], Codes(rows));
        Assert.Equal([400m, 0m], rows.OrderBy(r => r.GetString("customer_code")).Select(r => r.GetDecimal("revenue")!.Value));
    }

    [Fact]
    public async Task Spend_derived_kpis_are_undefined_for_a_team_and_say_why()
    {
        // Spring's spend dated in March: 100 + 200 = 300 (the 999 is in April).
        var all = (await _db.Kpis.GetKpisAsync(March, DataScope.All, ["campaign_spend", "roi", "attributed_revenue"])).Kpis.ToDictionary(k => k.Id);
        var north = (await _db.Kpis.GetKpisAsync(March, North, ["campaign_spend", "roi", "attributed_revenue"])).Kpis.ToDictionary(k => k.Id);

        Assert.Equal(300m, all["campaign_spend"].Value);
        Assert.False(all["campaign_spend"].NotForTeamScope);
        Assert.Null(north["campaign_spend"].Value);
        Assert.Null(north["roi"].Value);
        Assert.True(north["roi"].NotForTeamScope);
        Assert.False(north["attributed_revenue"].NotForTeamScope); // the team's own sales
        var campaigns = await RowsAsync(TableCatalog.Campaigns, North);
        Assert.All(campaigns, c => Assert.Null(c["spend"]));
        Assert.All(campaigns, c => Assert.Null(c["roi"]));
    }

    [Fact]
    public async Task Nothing_sees_nothing()
    {
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.Nothing, ["revenue", "orders", "active_customers"]);

        Assert.All(report.Kpis, k => Assert.True(k.Value is null or 0m, $"{k.Id} = {k.Value}"));
        Assert.Empty(await RowsAsync(TableCatalog.TopCustomers, DataScope.Nothing));
        Assert.Empty((await _db.Dimensions.GetCatalogAsync(DataScope.Nothing)).Members(DimensionKind.Team));
    }

    [Fact]
    public async Task A_filter_naming_another_team_or_its_rep_is_refused_as_outside_the_scope()
    {
        var north = await _db.Dimensions.GetCatalogAsync(North);
        var all = await _db.Dimensions.GetCatalogAsync(DataScope.All);
        var asked = FilterQueryString.Parse([new("team", "1,2"), new("rep", "3"), new("region", "2")]);

        var scoped = north.Validate(asked);
        var unscoped = all.Validate(FilterQueryString.Parse([new("team", "2,99")]));

        // Team 2 and its rep 3 exist, but not for team 1: refused as outside the scope and dropped.
        Assert.Equal(IdSet.Of(1), scoped.Filter.Teams);
        Assert.Equal(IdSet.Empty, scoped.Filter.Reps);
        Assert.Equal(IdSet.Of(2), scoped.Filter.Regions); // regions are no team's: not narrowed
        Assert.Equal([("team", "2"), ("rep", "3")], scoped.Problems.Where(p => p.Kind == FilterProblemKind.OutsideScope).Select(p => (p.Parameter, p.Value)));
        // For all teams, a team that does not exist is simply unknown.
        Assert.Equal(FilterProblemKind.UnknownMember, Assert.Single(unscoped.Problems).Kind);
        Assert.Equal(IdSet.Of(2), unscoped.Filter.Teams);
    }
}
