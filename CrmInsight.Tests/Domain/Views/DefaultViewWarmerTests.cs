using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Views;
using CrmInsight.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Domain.Views;

/// <summary>
/// After a warm, every page's default view is served from the cache: opening it executes no
/// query (counted on the executed-query metric; the version is kept fresh, so not even a version
/// read). On the golden data, today 2024-04-15.
/// </summary>
public sealed class DefaultViewWarmerTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        // The Domain as a host registers it, with the version confirmed by the monitor's refresh
        // counting as current for an hour (the fake clock does not move): only view queries count.
        _db = await TestDatabase.CreateAsync(configure: services => services.Configure<DataVersionOptions>(o => o.FreshFor = TimeSpan.FromHours(1)));
        await _db.ExecuteAsync(GoldenDataset.Sql);
        await Get<DataVersionTracker>().RefreshAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private T Get<T>()
        where T : notnull => _db.Get<T>();

    private long Executed => Get<QueryMetrics>().TotalExecuted;

    /// <summary>Queries executed while every page opens with the default filter and the full scope.</summary>
    private async Task<long> OpenDefaultViewsAsync()
    {
        var before = Executed;
        foreach (var (_, load) in Get<PageViews>().For(DashboardFilter.Default, DataScope.All))
        {
            await load(CancellationToken.None);
        }
        return Executed - before;
    }

    [Fact]
    public async Task After_a_warm_every_default_view_opens_without_a_query()
    {
        var before = Executed;
        await Get<DefaultViewWarmer>().RequestAsync();
        Assert.True(Executed - before > 40, $"the warm computed the views ({Executed - before} queries)");

        Assert.Equal(0, await OpenDefaultViewsAsync());

        // Only the default views: the same page with a filter is computed when asked for.
        var filtered = Executed;
        await Get<OverviewService>().GetAsync(DashboardFilter.Default with { Regions = IdSet.Of(1) }, DataScope.All);
        Assert.True(Executed - filtered > 0);
    }

    [Fact]
    public async Task After_a_write_the_warm_recomputes_what_changed_and_the_views_open_without_a_query()
    {
        await Get<DefaultViewWarmer>().RequestAsync();
        var full = Executed;
        await Get<DefaultViewWarmer>().RequestAsync();
        Assert.Equal(full, Executed); // nothing changed: nothing recomputed

        await Get<IngestService>().IngestAsync(IngestKind.Orders, [new IngestRecord(1, new Dictionary<string, string?>
        {
            ["id"] = "TODAY-1", ["customer"] = "C2", ["revenue"] = "70.00", ["date"] = new DateOnly(2024, 4, 15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })]);
        // The monitor's next poll; then the clock moves on (HybridCache drops by tag every entry made
        // up to the instant of the drop, on this clock: left standing, it would drop the warm's too).
        await Get<DataVersionTracker>().RefreshAsync();
        _db.Time.Advance(TimeSpan.FromMilliseconds(1));
        var written = Executed;
        await Get<DefaultViewWarmer>().RequestAsync();
        Assert.True(Executed - written > 0, "the write's results were recomputed");

        Assert.Equal(0, await OpenDefaultViewsAsync());
    }
}
