using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Kpis;

/// <summary>
/// KPIS.md §4 beyond the headline tiles, against <see cref="ServiceMarketingDataset"/> worked by hand.
/// Touches sent in P (March 2024): Spring → C1 (responded), C2, C3 (responded), C4; Free → C1.
/// Spring's window ends 03-11 + 5 days = 03-16 (exclusive); Free's ends 03-31.
/// </summary>
public sealed class MarketingKpiTests(ServiceMarketingDatabase data) : IClassFixture<ServiceMarketingDatabase>, IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    // The tests only read: one database for the class.
    private readonly TestDatabase _db = data.Db;
    private KpiReport _report = null!;

    public async Task InitializeAsync()
    {
        _report = await _db.Kpis.GetKpisAsync(March, DataScope.All, _db.Kpis.Catalog.All.Where(k => k.Area == KpiArea.Marketing).Select(k => k.Id));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Reach_response_and_conversion_per_customer()
    {
        Assert.Equal(4m, _report["reach"].Value); // C1 (touched twice) counts once
        Assert.Equal(2m / 4m, _report["response_rate"].Value); // C1, C3
        // Converted: C1 (O1 on 03-15, the last day of Spring's window). Not C3: O2 on 03-16 is the
        // first day after it. Not C2: O3 on 03-01 is before the touch on 03-02. Not C4: O4 on 03-20
        // is after Spring's window (Free did not touch C4).
        Assert.Equal(1m / 4m, _report["conversion_rate"].Value);
    }

    [Fact]
    public void Spend_revenue_roi_cac_and_cost_per_response()
    {
        Assert.Equal(400m, _report["campaign_spend"].Value); // Spring 300 + 100; the 70 of 02-20 is in P'
        Assert.Equal(70m, _report["campaign_spend"].ComparisonValue);
        // O1 500 (Spring, inside) + O4 200 (Free, inside [03-01, 03-31)); O2 (Spring, 03-16) is outside.
        Assert.Equal(700m, _report["attributed_revenue"].Value);
        Assert.Equal((700m - 400m) / 400m, _report["roi"].Value);
        Assert.Equal(400m / 2m, _report["cost_per_response"].Value); // two responders
        // New customers of P with an acquisition campaign: C1 (Spring), C4 (Free); C3 bought in January.
        Assert.Equal(400m / 2m, _report["cac"].Value);
    }

    [Fact]
    public async Task A_campaign_without_spend_has_no_roi()
    {
        var free = await _db.Kpis.GetKpisAsync(March.WithMembers(DimensionKind.Campaign, IdSet.Of(2)), DataScope.All,
            ["roi", "campaign_spend", "attributed_revenue", "cost_per_response", "reach", "conversion_rate"]);
        Assert.Null(free["roi"].Value);
        Assert.Equal(0m, free["campaign_spend"].Value);
        Assert.Equal(200m, free["attributed_revenue"].Value);
        Assert.Null(free["cost_per_response"].Value); // nobody responded to Free
        Assert.Equal(1m, free["reach"].Value);
        Assert.Equal(1m, free["conversion_rate"].Value); // C1 bought on 03-15, after Free's touch on 03-05
    }

    [Fact]
    public void Cross_sell_counts_customers_buying_two_categories()
    {
        // Active in P: C1 (Gadgets O1, Books O6), C2, C3, C4 (Gadgets only).
        Assert.Equal(1m / 4m, _report["cross_sell_rate"].Value);
        Assert.Null(_report["cross_sell_rate"].ComparisonValue); // nobody bought in P'
    }
}
