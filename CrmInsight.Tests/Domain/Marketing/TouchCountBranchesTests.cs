using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.Domain.Queries;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Marketing;

/// <summary>
/// kpi/touches and kpi/conversions answer a filter on the customer (region, segment, team, rep)
/// from the touch chains (agg_touch_chain, agg_touch_conversion: counts of each customer's first
/// row in the bucket), and a campaign filter from the touches per customer. Naming every campaign
/// there is takes the second branch for what is the first one's question: the two must agree, for
/// each customer filter and window (on the golden data plus customers touched by both campaigns,
/// twice a day, either side of a month's start, and converted or not).
/// </summary>
public sealed class TouchCountBranchesTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        string[][] touches = [["C1", "2024-03-15", "yes", "Spring mail"], ["C3", "2024-03-20", "yes", "Spring mail"], ["C2", "2024-03-25", "yes", "Spring mail"], ["C1", "2024-04-05", "yes", "Spring mail"],
            ["C1", "2024-04-05", "yes", "Winter mail"], ["C5", "2024-03-12", "no", "Spring mail"], ["C5", "2024-03-13", "yes", "Winter mail"], ["C6", "2023-12-20", "yes", "Winter mail"],
            ["C6", "2024-03-02", "no", "Spring mail"], ["C4", "2024-02-28", "yes", "Winter mail"], ["C4", "2024-03-01", "no", "Spring mail"], ["C2", "2024-03-26", "no", "Spring mail"], ["C3", "2024-03-21", "no", "Winter mail"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Touches, [.. touches.Select((t, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["campaign"] = t[3], ["customer"] = t[0], ["sent"] = t[1], ["responded"] = t[2],
        }))]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("kpi/touches")]
    [InlineData("kpi/conversions")]
    public async Task A_customer_filter_counts_as_the_touches_of_every_campaign_do(string queryName)
    {
        // The golden data's two campaigns: every touch names one of them.
        var campaigns = IdSet.Of(1, 2);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_campaign_touch WHERE campaign_id NOT IN (1, 2)"));
        DashboardFilter[] customerFilters =
        [
            DashboardFilter.Default,
            DashboardFilter.Default with { Regions = IdSet.Of(1) },
            DashboardFilter.Default with { Segments = IdSet.Of(2) },
            DashboardFilter.Default with { Teams = IdSet.Of(1) },
            DashboardFilter.Default with { Reps = IdSet.Of(1, 3) },
        ];
        var counted = 0;
        foreach (var filter in customerFilters)
        {
            foreach (var (period, previous, monthly) in UnfilteredTwinTests.Windows)
            {
                var args = QueryArgs.For(filter, DataScope.All).Window(period, previous).Monthly(monthly);
                var chains = RowText.Of(await _db.Runner.QueryRowsAsync(queryName, args));
                var perCustomer = RowText.Of(await _db.Runner.QueryRowsAsync(queryName, QueryArgs.For(filter with { Campaigns = campaigns }, DataScope.All).Window(period, previous).Monthly(monthly)));
                Assert.Equal(perCustomer, chains);
                counted += chains.Count(r => !r.Contains("responders=0", StringComparison.Ordinal));
            }
        }
        Assert.True(counted >= 10, $"the filters and windows gave responders to compare ({counted})");
    }
}
