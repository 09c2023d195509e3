using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Overview;

/// <summary>
/// The Overview's trend and revenue by region on the golden dataset, worked out by hand. A sale
/// is a completed order with revenue: O12 (cancelled) and O13 (revenue 0) never count; O5 and
/// O11 are anonymous and count in revenue. (revenue / cost per order: O1 100/60, O2 200/120,
/// O3 50/20, O4 150/100, O5 40/30, O6 300/180, O7 100/50, O8 200/150, O9 400/300, O10 80/40,
/// O11 20/10, O14 60/30.)
/// </summary>
public sealed class OverviewServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private OverviewService _overview = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        _overview = _db.Get<OverviewService>();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<OverviewData> ForAsync(DateOnly from, DateOnly to) =>
        _overview.GetSelectionAsync(DashboardFilter.Default.WithCustomRange(from, to), DataScope.All, ["revenue"], trend: true, regions: true);

    [Fact]
    public async Task March_by_day_lines_each_day_up_with_the_same_day_of_the_previous_31()
    {
        // P = March (31 days): by day. P' = [01-30, 03-01), its n-th day under March's n-th.
        var trend = (await ForAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1))).Trend;

        Assert.Equal(TrendGrain.Day, trend.Grain);
        Assert.Equal(31, trend.Points.Count);
        Assert.Equal(new DateOnly(2024, 3, 1), trend.Points[0].Bucket);
        Assert.Equal(new DateOnly(2024, 1, 30), trend.Points[0].ComparisonBucket);
        Assert.Equal(new DateOnly(2024, 2, 29), trend.Points[^1].ComparisonBucket);
        // Sale days: 03-05 O6 300 (GP 120), 03-10 O8 200 (50), 03-12 O9 400 (100), 03-15 O10 80 (40),
        // 03-18 O11 20 (10), 03-20 O7 100 (50), 03-28 O14 60 (30); 03-22 (O12) and 03-25 (O13) stay 0.
        var expected = new Dictionary<int, (decimal Revenue, decimal Profit)>
        {
            [5] = (300, 120), [10] = (200, 50), [12] = (400, 100), [15] = (80, 40), [18] = (20, 10), [20] = (100, 50), [28] = (60, 30),
        };
        foreach (var point in trend.Points)
        {
            var (revenue, profit) = expected.GetValueOrDefault(point.Bucket.Day);
            Assert.Equal(revenue, point.Revenue);
            Assert.Equal(profit, point.GrossProfit);
        }
        // P': 02-05 O2 200 is day 7 of P' (01-30 + 6) and sits under 03-07; 02-10 O3 50 under 03-12;
        // 02-15 O4 150 under 03-17; 02-20 O5 40 under 03-22.
        var comparison = trend.Points.Where(p => p.ComparisonRevenue != 0).Select(p => (p.Bucket.Day, p.ComparisonBucket, p.ComparisonRevenue));
        Assert.Equal(
            [(7, new DateOnly(2024, 2, 5), 200m), (12, new DateOnly(2024, 2, 10), 50m), (17, new DateOnly(2024, 2, 15), 150m), (22, new DateOnly(2024, 2, 20), 40m)],
            comparison);
    }

    [Fact]
    public async Task A_quarter_goes_by_weeks_from_its_first_day()
    {
        // P = [01-01, 04-01): 91 days, by week: 13 weeks of 7 days from Monday 01-01.
        // Week n holds day offsets 7n..7n+6: O1 (offset 9) week 1; O2 (35), O3 (40) week 5;
        // O4 (45) week 6; O5 (50) week 7; O6 (64), O8 (69) week 9; O9 (71), O10 (74) week 10;
        // O11 (77), O7 (79) week 11; O14 (87) week 12.
        var trend = (await ForAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 1))).Trend;

        Assert.Equal(TrendGrain.Week, trend.Grain);
        Assert.Equal(Enumerable.Range(0, 13).Select(w => new DateOnly(2024, 1, 1).AddDays(7 * w)), trend.Points.Select(p => p.Bucket));
        Assert.Equal([0m, 100, 0, 0, 0, 250, 150, 40, 0, 500, 480, 120, 60], trend.Points.Select(p => p.Revenue));
        Assert.Equal([0m, 40, 0, 0, 0, 110, 50, 10, 0, 170, 140, 60, 30], trend.Points.Select(p => p.GrossProfit));
        // The previous 91 days start 2023-10-02, week for week, and hold no sales.
        Assert.Equal(Enumerable.Range(0, 13).Select(w => new DateOnly(2023, 10, 2).AddDays(7 * w)), trend.Points.Select(p => p.ComparisonBucket));
        Assert.All(trend.Points, p => Assert.Equal(0m, p.ComparisonRevenue));
    }

    [Fact]
    public async Task A_year_goes_by_calendar_months()
    {
        // P = [2023-04-01, 2024-04-01): 366 days, by month: April 2023 … March 2024.
        // January 100 (GP 40); February O2 + O3 + O4 + O5 = 440 (80 + 30 + 50 + 10 = 170);
        // March 300 + 200 + 400 + 80 + 20 + 100 + 60 = 1160 (120 + 50 + 100 + 40 + 10 + 50 + 30 = 400).
        var trend = (await ForAsync(new DateOnly(2023, 4, 1), new DateOnly(2024, 4, 1))).Trend;

        Assert.Equal(TrendGrain.Month, trend.Grain);
        Assert.Equal(Enumerable.Range(0, 12).Select(m => new DateOnly(2023, 4, 1).AddMonths(m)), trend.Points.Select(p => p.Bucket));
        Assert.Equal([0m, 0, 0, 0, 0, 0, 0, 0, 0, 100, 440, 1160], trend.Points.Select(p => p.Revenue));
        Assert.Equal([0m, 0, 0, 0, 0, 0, 0, 0, 0, 40, 170, 400], trend.Points.Select(p => p.GrossProfit));
    }

    [Fact]
    public async Task Revenue_by_region_sets_each_region_beside_its_own_comparison()
    {
        // March: North O6 300 + O7 100 + O10 80 + O11 20 = 500; South O8 200 + O9 400 + O14 60 = 660.
        // P' = [01-30, 03-01): North O2 200 + O3 50 = 250; South O4 150 + O5 40 = 190.
        var regions = (await ForAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1))).Regions;

        Assert.Equal(
            [new RegionRevenue(2, "South", 660, 190), new RegionRevenue(1, "North", 500, 250)],
            regions.OrderByDescending(r => r.Revenue));
    }
}
