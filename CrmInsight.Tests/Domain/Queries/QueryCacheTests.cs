using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
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

    [Fact]
    public async Task Twenty_viewers_of_the_same_view_cost_one_execution()
    {
        var before = _db.Metrics.TotalExecuted;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _db.Cache.GetRowsAsync("kpi/sales_summary", March(), dataVersion: 7)));

        Assert.Equal(1, _db.Metrics.TotalExecuted - before);
        Assert.All(results, rows => Assert.Equal(1160m, rows[0].GetDecimal("revenue")));
    }

    [Fact]
    public async Task Arguments_the_query_does_not_read_do_not_split_the_cache()
    {
        var before = _db.Metrics.TotalExecuted;

        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), 7);
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March().With("grain", "month").With("prev_from", new DateOnly(2020, 1, 1)), 7);

        Assert.Equal(1, _db.Metrics.TotalExecuted - before);
    }

    [Fact]
    public async Task A_new_data_version_or_another_filter_runs_the_query_again()
    {
        var before = _db.Metrics.TotalExecuted;

        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), 7);
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), 8);
        var north = await _db.Cache.GetRowsAsync("kpi/sales_summary", March(DashboardFilter.Default with { Regions = IdSet.Of(1) }), 8);

        Assert.Equal(3, _db.Metrics.TotalExecuted - before);
        Assert.Equal(500m, north[0].GetDecimal("revenue"));
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Cache.GetRowsAsync("kpi/sales_summary", SqlArgs.Empty, 7));
        var before = _db.Metrics.TotalExecuted;

        var rows = await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), 7);

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

        Assert.Equal(2, _db.Metrics.TotalExecuted - before); // only the data-version read (version row and area changes)
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

        Assert.Equal(version + 1, next);
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
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), 7);
        await _db.Cache.GetRowsAsync("kpi/surveys", March(), 7);

        await _db.Cache.InvalidateAsync([DataAreas.Orders]);
        var before = _db.Metrics.TotalExecuted;
        await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), 7);
        var ordersAgain = _db.Metrics.TotalExecuted - before;
        await _db.Cache.GetRowsAsync("kpi/surveys", March(), 7);

        Assert.Equal(1, ordersAgain);
        Assert.Equal(1, _db.Metrics.TotalExecuted - before); // the survey result (no order table) was kept
    }

    [Fact]
    public async Task Two_scopes_never_share_an_entry_even_when_the_query_text_does_not_read_the_scope()
    {
        // ingest/lookups lists dimension members and names no scope parameter: before the key
        // carried the scope, a sales lead's read would have been served an admin's cached rows.
        var north = QueryArgs.For(DashboardFilter.Default, DataScope.ForTeams(IdSet.Of(1)));
        var south = QueryArgs.For(DashboardFilter.Default, DataScope.ForTeams(IdSet.Of(2)));
        var all = QueryArgs.For(DashboardFilter.Default, DataScope.All);
        var query = _db.Runner.Prepare("ingest/lookups");
        Assert.DoesNotContain("scope_all", query.Parameters);
        var before = _db.Metrics.TotalExecuted;

        await _db.Cache.GetRowsAsync("ingest/lookups", north, 7);
        await _db.Cache.GetRowsAsync("ingest/lookups", south, 7);
        await _db.Cache.GetRowsAsync("ingest/lookups", all, 7);
        await _db.Cache.GetRowsAsync("ingest/lookups", north, 7);

        // Three scopes, three executions; the fourth call is the first scope's own entry.
        Assert.Equal(3, _db.Metrics.TotalExecuted - before);
        var keys = new[] { north, south, all }.Select(a => QueryCache.KeyFor(query, a, 7)).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Contains("scope_all=0;scope_team_ids=[1,];", keys[0], StringComparison.Ordinal);
        Assert.Contains("scope_all=1;scope_team_ids=[];", keys[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_without_a_scope_is_refused_not_cached()
    {
        var args = SqlArgs.Empty.With("date_from", new DateOnly(2024, 3, 1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Cache.GetRowsAsync("ingest/lookups", args, 7));

        Assert.Contains("without a scope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_a_scope_of_its_own_and_sees_no_rows()
    {
        var rows = await _db.Cache.GetRowsAsync("kpi/sales_summary", QueryArgs.For(DashboardFilter.Default, DataScope.Nothing)
            .Window(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1)))
            .Monthly(false), 7);

        Assert.True(rows.Count == 0 || rows[0].GetDecimal("revenue") is null or 0m);
    }
}
