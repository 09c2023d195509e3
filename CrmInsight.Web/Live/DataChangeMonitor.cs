using CrmInsight.Domain.Queries;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Live;

/// <summary>
/// The timer and the fan-out of live updates; the version logic is Domain's
/// <see cref="DataVersionTracker"/>. Every <see cref="LiveOptions.PollInterval"/> it asks the
/// tracker to read the version (which drops the stale cached results first); on a change or a
/// health change it tells subscribers (pages, walls), who re-read through the cache — so fifty
/// screens cost one execution per query. Writers in the process call <see cref="RefreshAsync"/>
/// after they commit, so their change shows without waiting for the next poll.
/// </summary>
public sealed class DataChangeMonitor(
    DataVersionTracker tracker,
    DatabaseReadiness readiness,
    IOptions<LiveOptions> options,
    TimeProvider time,
    ILogger<DataChangeMonitor> logger) : BackgroundService
{
    private readonly Listeners<Func<LiveState, Task>> _subscribers = new();

    public LiveState State => tracker.State;

    public TimeSpan PollInterval => options.Value.PollInterval;

    /// <summary>Calls <paramref name="onChange"/> after every data or health change until disposed.</summary>
    public IDisposable Subscribe(Func<LiveState, Task> onChange) => _subscribers.Add(onChange);

    /// <summary>
    /// Calls <paramref name="refresh"/> after the data changes (not on health-only changes), at
    /// most once per <see cref="LiveOptions.RedrawInterval"/>; disposing ends it. What every
    /// live page and grid does with its circuit.
    /// </summary>
    public IDisposable OnDataChanged(Func<Task> refresh)
    {
        var throttle = new ThrottledRefresh(options.Value.RedrawInterval, time, refresh,
            ex => logger.LogError(ex, "A live refresh failed"));
        var subscription = Subscribe(state =>
        {
            if (state.ChangedAreas.Count > 0)
            {
                throttle.Request();
            }
            return Task.CompletedTask;
        });
        return new DataChangeSubscription(subscription, throttle);
    }

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Reads the version now and tells the subscribers when the data or its health changed.</summary>
    public async Task<LiveState> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var (previous, next) = await tracker.RefreshAsync(cancellationToken);
        if (next.ChangedAreas.Count > 0 || next.IsStale != previous.IsStale || (previous.Problem is null) != (next.Problem is null))
        {
            await NotifyAsync(next);
        }
        return next;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!readiness.IsReady && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, stoppingToken);
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task NotifyAsync(LiveState state)
    {
        foreach (var subscriber in _subscribers.Snapshot())
        {
            try
            {
                await subscriber(state);
            }
            catch (Exception ex)
            {
                // One broken screen must not stop the others from hearing about the change.
                logger.LogWarning(ex, "A live-update subscriber failed");
            }
        }
    }

    private sealed class DataChangeSubscription(IDisposable subscription, ThrottledRefresh throttle) : IDisposable
    {
        public void Dispose()
        {
            subscription.Dispose();
            throttle.Dispose();
        }
    }
}
