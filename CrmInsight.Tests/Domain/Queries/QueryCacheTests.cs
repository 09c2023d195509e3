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
    public async Task A_filter_on_a_dimension_the_query_does_not_read_leaves_it_to_the_twin_and_its_cached_rows()
    {
        // kpi/marketing reads the campaign filter only (spend has no region to slice by): under a
        // region filter its rows are the default view's, so they are the twin's cached entry.
        var east = DashboardFilter.Default with { Regions = IdSet.Of(1) };
        Assert.DoesNotContain("region_ids", _db.Runner.Prepare("kpi/marketing").Parameters);
        await _db.Cache.GetRowsAsync("kpi/marketing", March(), V(7));
        var before = _db.Metrics.TotalExecuted;

        var filtered = await _db.Cache.GetRowsAsync("kpi/marketing", March(east), V(7));

        Assert.Equal(0, _db.Metrics.TotalExecuted - before);
        Assert.Equal(RowText.Of(await _db.Runner.QueryRowsAsync("kpi/marketing", March(east))), RowText.Of(filtered));

        // A query that reads the region is computed for it; a team scope is never dropped (the
        // twin has no team predicate): both read the facts.
        before = _db.Metrics.TotalExecuted;
        var sales = await _db.Cache.GetRowsAsync("kpi/sales_summary", March(east), V(7));
        var teamArgs = QueryArgs.For(east, DataScope.ForTeams(IdSet.Of(1))).Window(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1))).Monthly(false);
        var team = await _db.Cache.GetRowsAsync("kpi/marketing", teamArgs, V(7));
        Assert.Equal(2, _db.Metrics.TotalExecuted - before);
        Assert.Equal(RowText.Of(await _db.Runner.QueryRowsAsync("kpi/sales_summary", March(east))), RowText.Of(sales));
        Assert.Equal(RowText.Of(await _db.Runner.QueryRowsAsync("kpi/marketing", teamArgs)), RowText.Of(team));
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
    public async Task The_months_of_a_window_inside_one_month_from_its_first_day_are_the_window_itself()
    {
        var before = _db.Metrics.TotalExecuted;

        var months = await _db.Cache.GetRowsAsync("kpi/sales_summary", March().Monthly(true), V(7));
        var period = await _db.Cache.GetRowsAsync("kpi/sales_summary", March(), V(7));

        Assert.Equal(1, _db.Metrics.TotalExecuted - before);
        Assert.Equal(RowText.Of(period), RowText.Of(months));
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(months).GetDate("bucket"));
    }

    public static TheoryData<string, string, string?, int> OneMonthWindows() => new()
    {
        // from, to, window_from (null: none), the @monthly asked with
        { "2024-03-01", "2024-04-01", "2024-03-01", 0 },
        { "2024-03-01", "2024-03-21", null, 0 },
        { "2024-02-01", "2024-03-01", "2024-02-01", 0 },
        { "2024-03-02", "2024-04-01", "2024-03-02", 1 }, // not from the month's first day
        { "2024-03-01", "2024-04-02", "2024-03-01", 1 }, // into a second month
        { "2024-03-01", "2024-05-01", "2024-03-01", 1 },
        { "2024-03-10", "2024-03-21", "2024-03-01", 1 }, // a part of a window that started earlier
    };

    [Theory]
    [MemberData(nameof(OneMonthWindows))]
    public void Only_a_window_inside_one_month_from_its_first_day_drops_its_months(string from, string to, string? windowFrom, int monthly)
    {
        var args = March().Monthly(true).With("date_from", DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture))
            .With("date_to", DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .With("window_from", windowFrom is null ? null : DateOnly.Parse(windowFrom, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(monthly, QueryCache.OneMonthAsPeriod(_db.Runner.Prepare("kpi/sales_summary"), args).Value("monthly"));
        Assert.Equal(1, QueryCache.OneMonthAsPeriod(_db.Runner.Prepare("kpi/retention"), args).Value("monthly")); // reads no @monthly: left alone
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

        await _db.Cache.GetRowsAsync("ingest/lookups", north, V(7));
        await _db.Cache.GetRowsAsync("ingest/lookups", south, V(7));
        await _db.Cache.GetRowsAsync("ingest/lookups", all, V(7));
        await _db.Cache.GetRowsAsync("ingest/lookups", north, V(7));

        // Three scopes, three executions; the fourth call is the first scope's own entry.
        Assert.Equal(3, _db.Metrics.TotalExecuted - before);
        var keys = new[] { north, south, all }.Select(a => QueryCache.KeyFor(query, a, 7)).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Contains("scope_all=0;scope_team_ids=[1,];", keys[0], StringComparison.Ordinal);
        Assert.Contains("scope_all=1;scope_team_ids=[];", keys[2], StringComparison.Ordinal);
    }

    /// <summary>
    /// On the cache itself, not only on the results: the entries HybridCache holds after a
    /// sales lead of team 1, one of team 2 and an admin read the same dated query for the same
    /// window. Each scope has its own key (naming its scope), its own entry holding exactly that
    /// scope's rows (as the query gives them uncached), and only the whole scope's key names the
    /// unfiltered twin, which has no team predicate.
    /// </summary>
    [Fact]
    public async Task Two_scopes_never_share_a_cache_entry_on_the_cache_itself()
    {
        var recording = new RecordingHybridCache(_db.Get<Microsoft.Extensions.Caching.Hybrid.HybridCache>());
        var cache = new QueryCache(_db.Runner, recording, Microsoft.Extensions.Options.Options.Create(new QueryCacheOptions()));
        var window = (Period: new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), Previous: new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)));
        SqlArgs Args(DataScope scope) => QueryArgs.For(DashboardFilter.Default, scope).Window(window.Period, window.Previous).Monthly(false);
        var scopes = new[] { DataScope.ForTeams(IdSet.Of(1)), DataScope.ForTeams(IdSet.Of(2)), DataScope.All, DataScope.Nothing };
        Assert.True(_db.Runner.Prepare("kpi/sales_summary").IsDated); // the dated key path, which keys by the window's end

        foreach (var scope in scopes)
        {
            await cache.GetRowsAsync("kpi/sales_summary", Args(scope), V(7));
        }
        foreach (var scope in scopes)
        {
            await cache.GetRowsAsync("kpi/sales_summary", Args(scope), V(7)); // each again: its own entry
        }

        var entries = recording.Created;
        Assert.Equal(4, entries.Count); // four scopes, four entries; the second round created none
        Assert.Equal(4, entries.Keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(8, recording.Reads.Count);
        for (var i = 0; i < scopes.Length; i++)
        {
            var key = recording.Reads[i];
            Assert.Equal(key, recording.Reads[i + scopes.Length]);
            Assert.Contains(scopes[i].IsAll ? "scope_all=1;scope_team_ids=[];" : $"scope_all=0;scope_team_ids=[{scopes[i].Teams!.ToList() switch { [] => "", var t => string.Join(",", t) + "," }}];", key, StringComparison.Ordinal);
            Assert.StartsWith(scopes[i].IsAll ? "unfiltered/kpi/sales_summary|" : "kpi/sales_summary|", key, StringComparison.Ordinal);
            var expected = await _db.Runner.QueryRowsAsync("kpi/sales_summary", Args(scopes[i]));
            Assert.Equal(Revenue(expected), Revenue(entries[key]));
        }
        // Golden dataset, March 2024 sales: team 1 = O6 300 + O7 100 + O10 80 = 480; team 2 = O8 200
        // + O9 400 + O13 0 + O14 60 = 660; everything = those + O11 20 (no rep, so no team) = 1160.
        var revenues = recording.Reads.Take(3).Select(k => Revenue(entries[k])).ToList();
        Assert.Equal([480m, 660m, 1160m], revenues);
        Assert.Equal(0m, Revenue(entries[recording.Reads[3]]));

        static decimal Revenue(IReadOnlyList<SqlRow> rows) => rows.Count == 0 ? 0m : rows[0].GetDecimal("revenue") ?? 0m;
    }

    [Fact]
    public async Task A_read_without_a_scope_is_refused_not_cached()
    {
        var args = SqlArgs.Empty.With("date_from", new DateOnly(2024, 3, 1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Cache.GetRowsAsync("ingest/lookups", args, V(7)));

        Assert.Contains("without a scope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_a_scope_of_its_own_and_sees_no_rows()
    {
        var rows = await _db.Cache.GetRowsAsync("kpi/sales_summary", QueryArgs.For(DashboardFilter.Default, DataScope.Nothing)
            .Window(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1)))
            .Monthly(false), V(7));

        Assert.True(rows.Count == 0 || rows[0].GetDecimal("revenue") is null or 0m);
    }
}
