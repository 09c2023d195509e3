using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Queries;

public sealed class QueryCacheTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static SqlArgs March(DashboardFilter? filter = null) =>
        QueryArgs.For(filter ?? DashboardFilter.Default, DataScope.All)
            .Window(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1)))
            .Monthly(false);

    /// <summary>A snapshot with no area breakdown: every query is keyed by the global version.</summary>
    private static DataVersionSnapshot V(long version) => DataVersionSnapshot.Initial(DateTimeOffset.UnixEpoch) with { Version = version };

    [Fact]
    public async Task Twenty_viewers_of_the_same_view_cost_one_execution()
    {
        var before = _db.Metrics.TotalExecuted;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(7))));

        Assert.Equal(1, _db.Metrics.TotalExecuted - before);
        Assert.All(results, rows => Assert.Equal(1160m, rows[0].GetDecimal("revenue")));
    }

    [Fact]
    public async Task Arguments_the_query_does_not_read_do_not_split_the_cache()
    {
        var before = _db.Metrics.TotalExecuted;

        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(7));
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March().With("grain", "month").With("prev_from", new DateOnly(2020, 1, 1)), V(7));

        Assert.Equal(1, _db.Metrics.TotalExecuted - before);
    }

    [Fact]
    public async Task A_new_data_version_or_another_filter_runs_the_query_again()
    {
        var before = _db.Metrics.TotalExecuted;

        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(7));
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(8));
        var north = await _db.Cache.GetRowsAsync("kpi/sales_summary", March(DashboardFilter.Default with { Regions = IdSet.Of(1) }), V(8));

        Assert.Equal(3, _db.Metrics.TotalExecuted - before);
        Assert.Equal(500m, north[0].GetDecimal("revenue"));
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Cache.GetRowsAsync("kpi/sales_summary", SqlArgs.Empty, V(7)));
        var before = _db.Metrics.TotalExecuted;

        var rows = await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(7));

        Assert.Single(rows);
        Assert.Equal(1, _db.Metrics.TotalExecuted - before);
    }

    [Fact]
    public async Task The_kpi_service_reads_through_the_cache()
    {
        var filter = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
        await _db.Kpis.GetKpisAsync(filter, DataScope.All, ["revenue", "orders", "gross_margin"]);
        var before = _db.Metrics.TotalExecuted;

        await _db.Kpis.GetKpisAsync(filter, DataScope.All, ["revenue", "orders", "gross_margin"]);

        Assert.Equal(3, _db.Metrics.TotalExecuted - before); // only the data-version read (version row, area changes, area months)
    }

    [Fact]
    public async Task A_write_to_tickets_keeps_cached_order_results_and_drops_ticket_results()
    {
        var version = await _db.VersionSource.GetCurrentAsync();
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), version);
        await _db.Cache.GetRowsAsync("kpi/tickets", March(), version);

        await using (var connection = await _db.Database.OpenConnectionAsync())
        {
            await _db.Versions.BumpAsync(connection, null, [DataAreas.Tickets]);
        }
        var next = await _db.VersionSource.GetCurrentAsync();
        var before = _db.Metrics.TotalExecuted;
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), next);
        var ordersAgain = _db.Metrics.TotalExecuted - before;
        await _db.Cache.GetRowsAsync("kpi/tickets", March(), next);
        var ticketsAgain = _db.Metrics.TotalExecuted - before - ordersAgain;

        Assert.Equal(version.Version + 1, next.Version);
        Assert.Equal(0, ordersAgain);
        Assert.Equal(1, ticketsAgain);
    }

    [Fact]
    public async Task An_import_that_names_no_area_makes_every_result_stale()
    {
        var version = await _db.VersionSource.GetCurrentAsync();
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), version);

        await using (var connection = await _db.Database.OpenConnectionAsync())
        {
            await _db.Versions.BumpAsync(connection, null);
        }
        var next = await _db.VersionSource.GetCurrentAsync();
        var before = _db.Metrics.TotalExecuted;
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), next);

        Assert.Equal(1, _db.Metrics.TotalExecuted - before);
    }

    [Fact]
    public async Task Invalidating_an_area_drops_the_results_that_read_it_and_keeps_the_others()
    {
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(7));
        await _db.Cache.GetRowsAsync("kpi/surveys", March(), V(7));

        await _db.Cache.InvalidateAsync([DataAreas.Orders]);
        var before = _db.Metrics.TotalExecuted;
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(7));
        var ordersAgain = _db.Metrics.TotalExecuted - before;
        await _db.Cache.GetRowsAsync("kpi/surveys", March(), V(7));

        Assert.Equal(1, ordersAgain);
        Assert.Equal(1, _db.Metrics.TotalExecuted - before); // the survey result (no order table) was kept
    }
}
