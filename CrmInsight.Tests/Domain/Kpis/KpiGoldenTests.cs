using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Kpis;

/// <summary>
/// Every headline KPI against values worked out by hand from <see cref="GoldenDataset"/>.
/// P = March 2024, P' = [2024-01-30, 2024-03-01), P'' = [2023-12-30, 2024-01-30).
/// </summary>
public sealed class KpiGoldenTests(GoldenDatabase data) : IClassFixture<GoldenDatabase>, IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    // The tests only read: one database for the class.
    private readonly TestDatabase _db = data.Db;
    private KpiReport _report = null!;

    public async Task InitializeAsync() =>
        _report = await _db.Kpis.GetKpisAsync(March, DataScope.All, _db.Kpis.Catalog.All.Select(k => k.Id));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Periods_are_the_month_and_the_equal_length_period_before_it()
    {
        Assert.Equal(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), _report.Period.Period);
        Assert.Equal(new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1)), _report.Period.Comparison);
    }

    // Sales in P (not cancelled, revenue > 0): O6 300, O7 100, O8 200, O9 400, O10 80, O11 20 (anonymous), O14 60.
    // O12 is cancelled and O13 has zero revenue: neither is a sale.
    // Sales in P': O2 200, O3 50, O4 150, O5 40 (anonymous). Sales in P'': O1 100.
    [Theory]
    [InlineData("revenue", "1160", "440")] // 300+100+200+400+80+20+60 ; 200+50+150+40
    [InlineData("gross_profit", "400", "170")] // 1160 − (180+50+150+300+40+10+30) ; 440 − (120+20+100+30)
    [InlineData("orders", "7", "4")]
    [InlineData("active_customers", "4", "3")] // {C1, C3, C4, C5} ; {C1, C2, C3}
    [InlineData("returns_value", "30", "15")] // O6 ; O4
    [InlineData("new_customers", "2", "2")] // C4 (03-12), C5 (03-15) ; C2, C3 (C1 first bought in January)
    public void Counts_and_sums(string id, string value, string comparison)
    {
        var kpi = _report[id];
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), kpi.Value);
        Assert.Equal(decimal.Parse(comparison, System.Globalization.CultureInfo.InvariantCulture), kpi.ComparisonValue);
    }

    [Fact]
    public void Ratios_of_the_sales_summary()
    {
        Assert.Equal(400m / 1160m, _report["gross_margin"].Value);
        Assert.Equal(170m / 440m, _report["gross_margin"].ComparisonValue);
        Assert.Equal(1160m / 7m, _report["avg_order_value"].Value);
        Assert.Equal(14m / 7m, _report["items_per_order"].Value); // items 3+1+2+4+2+1+1
        Assert.Equal(7m / 4m, _report["items_per_order"].ComparisonValue); // 2+1+3+1 over 4 orders
        Assert.Equal(6m / 4m, _report["purchase_frequency"].Value); // identified orders O6..O10, O14 over 4 active
        Assert.Equal(3m / 3m, _report["purchase_frequency"].ComparisonValue);
        Assert.Equal(6m / 7m, _report["identified_order_share"].Value); // O6..O10, O14 of the 7 sales (O11 anonymous)
        Assert.Equal(3m / 4m, _report["identified_order_share"].ComparisonValue); // O2..O4 of 4 (O5 anonymous)
        Assert.Equal(30m / 1160m, _report["return_rate"].Value);
        Assert.Equal(2m / 4m, _report["repurchase_rate"].Value); // C1 (O6, O7) and C3 (O8, O14)
        Assert.Equal(0m, _report["repurchase_rate"].ComparisonValue); // nobody bought twice in P'
    }

    [Fact]
    public void Top20_share_takes_the_top_fifth_of_active_customers_with_ties_by_id()
    {
        // P: C1 400, C4 400, C3 260, C5 80 → N = 4, ⌈4/5⌉ = 1: C1 wins the tie with C4 on id.
        Assert.Equal(400m / 1140m, _report["top20_share"].Value);
        // P': C1 200, C3 150, C2 50 → top one is C1.
        Assert.Equal(200m / 400m, _report["top20_share"].ComparisonValue);
    }

    [Fact]
    public async Task Contribution_share_is_the_filtered_slice_over_everything()
    {
        Assert.Equal(1m, _report["contribution_share"].Value); // no filter: the slice is everything

        var north = March.WithMembers(DimensionKind.Region, IdSet.Of(1));
        var report = await _db.Kpis.GetKpisAsync(north, DataScope.All, ["contribution_share", "profit_contribution"]);

        Assert.Equal(500m / 1160m, report["contribution_share"].Value); // O6, O7, O10, O11
        Assert.Equal(220m / 400m, report["profit_contribution"].Value); // gross profit 120 + 50 + 40 + 10
    }

    [Fact]
    public void Revenue_growth_compares_each_period_with_the_one_before_it()
    {
        var growth = _report["revenue_growth"];
        Assert.Equal((1160m - 440m) / 440m, growth.Value);
        Assert.Equal((440m - 100m) / 100m, growth.ComparisonValue); // P' against P''
        Assert.Equal(ChangeKind.Points, growth.Definition.ChangeKind);
        Assert.Equal(((1160m - 440m) / 440m) - 3.4m, growth.Change);
        Assert.Equal((1160m - 440m) / 440m, _report["revenue"].Change); // money changes are relative
    }

    [Fact]
    public void Retention_and_churn_follow_the_customers_of_the_comparison_period()
    {
        // Active in P' = {C1, C2, C3}; active in P = {C1, C3, C4, C5}: C1 and C3 stayed, C2 left.
        Assert.Equal(2m / 3m, _report["retention_rate"].Value);
        Assert.Equal(1m / 3m, _report["churn_rate"].Value);
        // Active in P'' = {C1}, who bought again in P'.
        Assert.Equal(1m, _report["retention_rate"].ComparisonValue);
        Assert.Equal(0m, _report["churn_rate"].ComparisonValue);
        // A fall in retention is bad news, a rise in churn too.
        Assert.Equal(-1, _report["retention_rate"].Sentiment);
        Assert.Equal(-1, _report["churn_rate"].Sentiment);
    }

    [Fact]
    public void Satisfaction_from_surveys_and_tickets()
    {
        // CSAT in P: S1 90, S2 60, S3 75 (S5 has no CSAT answer) ; P': S4 40.
        Assert.Equal(75m, _report["csat"].Value);
        Assert.Equal(40m, _report["csat"].ComparisonValue);
        // NPS in P: answers S1 10, S2 6, S3 8, S5 9: promoters 2, detractors 1, of 4 ; P': S4 3 (detractor).
        Assert.Equal(25m, _report["nps"].Value);
        Assert.Equal(-100m, _report["nps"].ComparisonValue);
        Assert.Equal(125m, _report["nps"].Change); // points on the NPS scale
        // Complaints in P: T1 (C1), T3 (C4, 03-31 23:00) over 4 active customers ; P': T4 (C2) over 3.
        Assert.Equal(2m / 4m, _report["complaint_rate"].Value);
        Assert.Equal(1m / 3m, _report["complaint_rate"].ComparisonValue);
        // Tickets in P: T1 resolved, T2 and T3 not ; P': T4 resolved.
        Assert.Equal(1m / 3m, _report["resolution_rate"].Value);
        Assert.Equal(1m, _report["resolution_rate"].ComparisonValue);
        // First response: T1 30 min, T2 120 min (T3 unanswered) ; P': T4 10 min.
        Assert.Equal(75m, _report["first_response_time"].Value);
        Assert.Equal(10m, _report["first_response_time"].ComparisonValue);
    }

    [Fact]
    public void Marketing_response_cac_and_roi()
    {
        // Touches sent in P: C1 (twice), C2, C3; responders C1, C3 ; P': C1, C2 targeted, C2 responded.
        Assert.Equal(2m / 3m, _report["response_rate"].Value);
        Assert.Equal(1m / 2m, _report["response_rate"].ComparisonValue);
        // Spend in P: 100 + 200 (the 999 on 04-02 is outside) ; P': 50 + 30.
        // New customers with an acquisition campaign: C5 in P ; C3 in P'.
        Assert.Equal(300m, _report["cac"].Value);
        Assert.Equal(80m, _report["cac"].ComparisonValue);
        // Attributed revenue: O6 300, O8 200, O10 80 carry campaign 1 inside [03-01, 03-25);
        // O14 (03-28) carries it too but after the window. P' has none.
        Assert.Equal((580m - 300m) / 300m, _report["roi"].Value);
        Assert.Equal(-1m, _report["roi"].ComparisonValue);
    }

    [Fact]
    public void Attainment_prorates_monthly_quotas_by_day()
    {
        // P is all of March: quota 3100 + 620 + 1550 = 5270; rep revenue: Rep One 300+100+80, Rep Three 200+400+60.
        Assert.Equal(1140m / 5270m, _report["attainment"].Value);
        // P' = 2 of January's 31 days (3100 × 2/31 = 200) and all of February (2900 + 1450);
        // rep revenue: O2 200, O3 50, O4 150.
        Assert.Equal(400m / 4550m, _report["attainment"].ComparisonValue);
    }

    [Fact]
    public void Win_rate_counts_opportunities_by_close_date()
    {
        // Closed in P: P1 won, P2 lost, P3 won (P4 is open) ; P': P5 lost.
        Assert.Equal(2m / 3m, _report["win_rate"].Value);
        Assert.Equal(0m, _report["win_rate"].ComparisonValue);
    }

    [Fact]
    public async Task A_region_filter_narrows_what_it_applies_to_and_is_reported_where_it_does_not()
    {
        var north = March.WithMembers(DimensionKind.Region, IdSet.Of(1));
        var report = await _db.Kpis.GetKpisAsync(north, DataScope.All, ["revenue", "active_customers", "csat", "nps", "attainment", "cac"]);

        Assert.Equal(500m, report["revenue"].Value); // O6 300, O7 100, O10 80, O11 20 (anonymous, sold in the North)
        Assert.Equal(2m, report["active_customers"].Value); // C1, C5
        Assert.Equal(90m, report["csat"].Value); // S1 (C1); S5 (C5) has no CSAT
        Assert.Equal(100m, report["nps"].Value); // S1 10 and S5 9: two promoters of two
        Assert.Equal(480m / 3720m, report["attainment"].Value); // Rep One and Rep Two: quota 3100 + 620
        Assert.Equal(300m, report["cac"].Value); // campaign money is not regional
        Assert.Equal([DimensionKind.Region], report["cac"].IgnoredFilters);
        Assert.Empty(report["revenue"].IgnoredFilters);
    }

    [Fact]
    public async Task A_team_scope_limits_every_team_owned_row()
    {
        var south = DataScope.ForTeams(IdSet.Of(2));
        var report = await _db.Kpis.GetKpisAsync(March, south, ["revenue", "win_rate", "csat"]);

        Assert.Equal(660m, report["revenue"].Value); // O8 200, O9 400, O14 60
        Assert.Equal(1m, report["win_rate"].Value); // P3 won by Rep Three
        Assert.Equal(67.5m, report["csat"].Value); // customers owned by Rep Three: S2 60, S3 75
    }

    [Fact]
    public async Task A_zero_denominator_is_undefined_not_zero()
    {
        var empty = DashboardFilter.Default.WithCustomRange(new DateOnly(2023, 6, 1), new DateOnly(2023, 7, 1));
        var report = await _db.Kpis.GetKpisAsync(empty, DataScope.All, ["revenue", "gross_margin", "csat", "retention_rate", "roi", "revenue_growth"]);

        Assert.Equal(0m, report["revenue"].Value);
        Assert.Null(report["gross_margin"].Value);
        Assert.Null(report["csat"].Value);
        Assert.Null(report["retention_rate"].Value);
        Assert.Null(report["roi"].Value);
        Assert.Null(report["revenue_growth"].Value);
        Assert.Null(report["revenue"].Change); // 0 against 0: no relative change
    }

    [Fact]
    public async Task Monthly_series_give_one_value_per_calendar_month()
    {
        var series = await _db.Kpis.GetMonthlySeriesAsync(March, DataScope.All, ["revenue", "retention_rate", "revenue_growth"], months: 3);

        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)], series["revenue"].Select(p => p.Month));
        Assert.Equal([100m, 440m, 1160m], series["revenue"].Select(p => p.Value));
        // March against February: {C1, C2, C3} were active in February; C1 and C3 again in March.
        Assert.Equal(2m / 3m, series["retention_rate"][2].Value);
        // February against January: only C1 was active in January, and bought again.
        Assert.Equal(1m, series["retention_rate"][1].Value);
        Assert.Equal((440m - 100m) / 100m, series["revenue_growth"][1].Value);
        Assert.Null(series["revenue_growth"][0].Value); // nothing in December to grow from
    }

    [Fact]
    public void Every_kpi_reports_the_numbers_that_went_into_it()
    {
        var margin = _report["gross_margin"];
        Assert.Contains(margin.Inputs, i => i.Measure == "gross_profit" && i.Value == 400m);
        Assert.Contains(margin.Inputs, i => i.Measure == "revenue" && i.Value == 1160m);
        var growth = _report["revenue_growth"];
        Assert.Contains(growth.Inputs, i => i.Measure == "revenue" && i.FromPreviousWindow && i.Value == 440m);
    }
}
