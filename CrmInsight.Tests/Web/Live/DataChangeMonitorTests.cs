using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Live;

/// <summary>The monitor driven by hand (RefreshAsync) on a database the test can pull away.</summary>
public sealed class DataChangeMonitorTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private SwitchableDatabase _switch = null!;
    private DataChangeMonitor _monitor = null!;
    private DataVersionStore _store = null!;
    private ServiceProvider _services = null!;
    private DataVersionTracker _tracker = null!;
    private readonly List<LiveState> _heard = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _switch = new SwitchableDatabase(_db.Database);
        var runner = new QueryRunner(_switch, SqlCatalog.Default, _db.Metrics);
        _store = new DataVersionStore(runner, _db.Time);
        var options = Options.Create(new LiveOptions { PollInterval = TimeSpan.FromSeconds(1), StaleAfter = TimeSpan.FromSeconds(5) });
        var services = new ServiceCollection();
        services.AddSingleton(runner);
        services.AddSingleton(Options.Create(new QueryCacheOptions()));
        services.AddQueryCache();
        _services = services.BuildServiceProvider();
        // Domain's tracker, with the freshness and staleness the host derives from LiveOptions.
        _tracker = new DataVersionTracker(
            _store,
            _services.GetRequiredService<QueryCache>(),
            Options.Create(new DataVersionOptions { FreshFor = options.Value.PollInterval * 2, StaleAfter = options.Value.StaleAfter }),
            _db.Time);
        _monitor = new DataChangeMonitor(_tracker, new DatabaseReadiness(), options, _db.Time, NullLogger<DataChangeMonitor>.Instance);
        _monitor.Subscribe(state => { _heard.Add(state); return Task.CompletedTask; });
    }

    public async Task DisposeAsync()
    {
        _monitor.Dispose();
        _tracker.Dispose();
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task WriteAsync(params string[] areas)
    {
        await using var connection = await _db.Database.OpenConnectionAsync();
        await _store.BumpAsync(connection, null, areas);
    }

    [Fact]
    public async Task A_write_is_heard_once_with_the_areas_it_touched()
    {
        await _monitor.RefreshAsync();
        _heard.Clear();

        await WriteAsync(DataAreas.Tickets);
        await _monitor.RefreshAsync();
        await _monitor.RefreshAsync(); // nothing new: nobody is told again

        var change = Assert.Single(_heard);
        Assert.Equal([DataAreas.Tickets], change.ChangedAreas);
        Assert.Equal(1, change.Snapshot.Version);
        Assert.Equal(1, (await _tracker.GetCurrentAsync()).Version);
    }

    [Fact]
    public async Task Unreachable_storage_turns_stale_after_the_configured_time_and_recovers_by_itself()
    {
        await _monitor.RefreshAsync();
        _switch.Unreachable = true;

        _db.Time.Advance(TimeSpan.FromSeconds(4));
        var early = await _monitor.RefreshAsync();
        _db.Time.Advance(TimeSpan.FromSeconds(2));
        var late = await _monitor.RefreshAsync();

        Assert.False(early.IsStale);   // 4 s without a read: within StaleAfter (5 s)
        Assert.NotNull(early.Problem);
        Assert.True(late.IsStale);     // 6 s: stale
        Assert.Contains(_heard, s => s.IsStale);

        _switch.Unreachable = false;
        var back = await _monitor.RefreshAsync();

        Assert.False(back.IsStale);
        Assert.Null(back.Problem);
        Assert.False(_heard[^1].IsStale);
    }

    [Fact]
    public async Task Between_polls_the_version_comes_from_the_tracker_without_a_query()
    {
        await _monitor.RefreshAsync();
        var before = _db.Metrics.TotalExecuted;

        for (var i = 0; i < 10; i++)
        {
            await _tracker.GetCurrentAsync();
        }

        Assert.Equal(before, _db.Metrics.TotalExecuted);
    }

    [Fact]
    public async Task Requests_that_find_no_fresh_version_share_one_read_and_one_giving_up_does_not_cancel_it()
    {
        await _monitor.RefreshAsync();
        await WriteAsync("fact_order");
        _db.Time.Advance(TimeSpan.FromSeconds(3)); // past FreshFor (2 × the 1 s poll): every request must read
        var before = _db.Metrics.TotalExecuted;
        _switch.Held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var givesUp = new CancellationTokenSource();
        var first = _tracker.GetCurrentAsync(givesUp.Token).AsTask();
        var others = Enumerable.Range(0, 7).Select(_ => _tracker.GetCurrentAsync().AsTask()).ToList();
        await givesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.All(others, t => Assert.False(t.IsCompleted));
        _switch.Held.SetResult();
        var read = await Task.WhenAll(others);

        // One snapshot read is three statements (version, areas, months); seven waiters, one read.
        Assert.Equal(before + 3, _db.Metrics.TotalExecuted);
        Assert.All(read, s => Assert.Equal(read[0].Version, s.Version));
        Assert.True(read[0].Version > _tracker.State.Snapshot.Version, "the write after the monitor's refresh is seen");

        // The shared read is over: the next request reads again.
        _switch.Held = null;
        await _tracker.GetCurrentAsync();
        Assert.Equal(before + 6, _db.Metrics.TotalExecuted);
    }

    [Fact]
    public async Task A_page_hears_data_changes_not_health_changes_and_nothing_after_dispose()
    {
        // The throttle's timer runs on the fake clock: a refresh due fires inside Advance, so
        // moving the clock far on proves nothing is merely late.
        await _monitor.RefreshAsync();
        var refreshes = 0;
        var subscription = _monitor.OnDataChanged(() => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; });

        _switch.Unreachable = true;
        _db.Time.Advance(TimeSpan.FromSeconds(6));
        await _monitor.RefreshAsync(); // stale: a health change only
        _switch.Unreachable = false;
        await _monitor.RefreshAsync();
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, refreshes);

        await WriteAsync(DataAreas.Orders);
        await _monitor.RefreshAsync();
        Assert.Equal(1, refreshes); // at once: nothing was drawn in the last redraw interval
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, refreshes);

        subscription.Dispose();
        await WriteAsync(DataAreas.Orders);
        await _monitor.RefreshAsync();
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, refreshes);
    }
}
