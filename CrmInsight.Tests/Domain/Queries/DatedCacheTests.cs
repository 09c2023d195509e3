using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Queries;

/// <summary>
/// A write records the months it touched; a result over dates before them keeps its key and
/// its cache entry. Counted on the executed-query metric, on the golden data (today 2024-04-15).
/// </summary>
public sealed class DatedCacheTests : IAsyncLifetime
{
    private static readonly string[] Revenue = ["revenue"];
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task IngestOrderAsync(string code, DateOnly date)
    {
        await _db.Get<IngestService>().IngestAsync(IngestKind.Orders, [new IngestRecord(1, new Dictionary<string, string?>
        {
            ["id"] = code, ["customer"] = "C2", ["revenue"] = "70.00", ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })]);
        // What the web host's monitor does on its next poll: drop what the write made stale.
        await _db.VersionSource.RefreshAsync();
    }

    /// <summary>Queries the sparkline fetch ran, less the three reads of the data version.</summary>
    private async Task<long> SparklineQueriesAsync()
    {
        var before = _db.Metrics.TotalExecuted;
        var series = await _db.Kpis.GetMonthlySeriesAsync(DashboardFilter.Default, DataScope.All, Revenue);
        Assert.Equal(12, series["revenue"].Count);
        return _db.Metrics.TotalExecuted - before - 3;
    }

    [Fact]
    public async Task A_write_dated_today_recomputes_only_the_last_month_of_a_sparkline()
    {
        await _db.VersionSource.RefreshAsync();
        // Cold: the closed months, and the last month cut at today (revenue's query is additive: AdditiveSplitTests).
        Assert.Equal(3, await SparklineQueriesAsync());
        Assert.Equal(0, await SparklineQueriesAsync()); // warm

        await IngestOrderAsync("TODAY-1", new DateOnly(2024, 4, 15));
        var afterToday = await SparklineQueriesAsync();

        await IngestOrderAsync("BACK-1", new DateOnly(2024, 1, 20));
        var afterBackdated = await SparklineQueriesAsync();

        Assert.Equal(1, afterToday);     // today only: May 2023 … March 2024 and April 1–14 stayed cached
        Assert.Equal(3, afterBackdated); // a January order changes the closed months and April's days before today too
        var april = (await _db.Kpis.GetMonthlySeriesAsync(DashboardFilter.Default, DataScope.All, Revenue))["revenue"][^1];
        Assert.Equal(new DateOnly(2024, 4, 1), april.Month);
        Assert.Equal(70m, april.Value); // the golden data has no April sale; the new one is seen
    }

    [Fact]
    public async Task A_write_dated_today_keeps_the_comparison_periods_cached()
    {
        await _db.VersionSource.RefreshAsync();
        var march = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 16), new DateOnly(2024, 4, 16));
        await _db.Kpis.GetKpisAsync(march, DataScope.All, Revenue);

        await IngestOrderAsync("TODAY-2", new DateOnly(2024, 4, 15));
        var before = _db.Metrics.TotalExecuted;
        var report = await _db.Kpis.GetKpisAsync(march, DataScope.All, Revenue);

        // revenue reads P and P' (sales_summary twice); only P contains today.
        Assert.Equal(1, _db.Metrics.TotalExecuted - before - 3);
        Assert.Equal(100m + 20m + 60m + 70m, report["revenue"].Value); // O7, O11 (anonymous), O14 in [03-16, 04-16) (O12 cancelled, O13 zero), plus today's 70
    }

    [Fact]
    public void A_result_ending_before_the_changed_month_keeps_its_version()
    {
        // Orders changed at version 5 (undated, an older writer) and 9 (dated April 2024).
        var snapshot = new DataVersionSnapshot(9, new Dictionary<string, long> { [DataAreas.Orders] = 9 }, DateTimeOffset.UnixEpoch)
        {
            AreaMonths = new Dictionary<string, IReadOnlyList<(DateOnly, long)>>
            {
                [DataAreas.Orders] = [(DataChange.EveryMonth, 5), (new DateOnly(2024, 4, 1), 9)],
            },
        };
        string[] orders = [DataAreas.Orders];

        Assert.Equal(5, snapshot.VersionFor(orders, new DateOnly(2024, 4, 1)));  // through March 31
        Assert.Equal(9, snapshot.VersionFor(orders, new DateOnly(2024, 4, 2)));  // includes April 1
        Assert.Equal(9, snapshot.VersionFor(orders));                             // undated query: the latest
        // A later change that recorded no month (a writer that does not date it) counts for every window.
        var undated = snapshot with { Version = 10, AreaVersions = new Dictionary<string, long> { [DataAreas.Orders] = 10 } };
        Assert.Equal(10, undated.VersionFor(orders, new DateOnly(2024, 4, 1)));
    }

    [Fact]
    public void A_write_that_named_its_days_changes_only_results_ending_on_or_after_them()
    {
        // Orders: a bulk write by month (version 4, March 2024), then a write that named April 15 (version 9).
        var snapshot = new DataVersionSnapshot(9, new Dictionary<string, long> { [DataAreas.Orders] = 9 }, DateTimeOffset.UnixEpoch)
        {
            AreaMonths = new Dictionary<string, IReadOnlyList<(DateOnly, long)>> { [DataAreas.Orders] = [(new DateOnly(2024, 3, 1), 4)] },
            AreaDays = new Dictionary<string, IReadOnlyList<(DateOnly, long)>> { [DataAreas.Orders] = [(new DateOnly(2024, 4, 15), 9)] },
        };
        string[] orders = [DataAreas.Orders];

        Assert.Equal(4, snapshot.VersionFor(orders, new DateOnly(2024, 4, 15)));  // through April 14
        Assert.Equal(9, snapshot.VersionFor(orders, new DateOnly(2024, 4, 16)));  // includes April 15
        Assert.Equal(0, snapshot.VersionFor(orders, new DateOnly(2024, 3, 1)));   // before either
        // What the monitor drops: results ending on April 15 or later (the day, not the month).
        var earlier = new DataVersionSnapshot(4, new Dictionary<string, long> { [DataAreas.Orders] = 4 }, DateTimeOffset.UnixEpoch);
        Assert.Equal([new DateOnly(2024, 4, 15)], snapshot.ChangedDatesSince(earlier)[DataAreas.Orders]);
    }
}
