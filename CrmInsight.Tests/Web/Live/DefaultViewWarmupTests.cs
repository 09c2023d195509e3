using CrmInsight.Domain;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain.Views;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Live;

/// <summary>The web host hands each data change the monitor hears to the default-view warmer (when Live:WarmDefaultViews is on).</summary>
public sealed class DefaultViewWarmupTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private DataChangeMonitor Monitor() => new(
        _db.Get<DataVersionTracker>(),
        new DatabaseReadiness(),
        Options.Create(new LiveOptions()),
        _db.Time,
        NullLogger<DataChangeMonitor>.Instance);

    [Fact]
    public async Task A_data_change_the_monitor_hears_starts_a_warm()
    {
        using var monitor = Monitor();
        var warmer = _db.Get<DefaultViewWarmer>();
        using var warmup = new DefaultViewWarmup(monitor, warmer, Options.Create(new LiveOptions { WarmDefaultViews = true }));
        await warmup.StartAsync(CancellationToken.None);
        var warmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        warmer.Warmed += () => warmed.TrySetResult();

        await using (var connection = await _db.Database.OpenConnectionAsync())
        {
            await _db.Get<DataVersionStore>().BumpAsync(connection, null, [DataAreas.Orders]);
        }
        await monitor.RefreshAsync();

        await warmed.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Switched_off_it_does_not_listen()
    {
        using var monitor = Monitor();
        using var warmup = new DefaultViewWarmup(monitor, _db.Get<DefaultViewWarmer>(), Options.Create(new LiveOptions { WarmDefaultViews = false }));
        await warmup.StartAsync(CancellationToken.None);

        Assert.Equal(0, monitor.SubscriberCount);
    }
}
