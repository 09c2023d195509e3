using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Live;

/// <summary>
/// The one reader of the data version in the process. Every <see cref="LiveOptions.PollInterval"/>
/// it reads the version; on a change it drops the cached results of the changed areas, then
/// tells subscribers (pages, walls), who re-read through the cache — so fifty screens cost one
/// execution per query. A failed read keeps the last state and, after
/// <see cref="LiveOptions.StaleAfter"/>, marks it stale; the next good read clears that.
/// </summary>
public sealed class DataChangeMonitor(
    DataVersionStore store,
    IServiceProvider services,
    DatabaseReadiness readiness,
    IOptions<LiveOptions> options,
    TimeProvider time,
    ILogger<DataChangeMonitor> logger) : BackgroundService, IDataVersionSource
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Listeners<Func<LiveState, Task>> _subscribers = new();
    private readonly LinkedList<DataVersionSnapshot> _recent = [];
    private LiveState _state = new(DataVersionSnapshot.Initial(time.GetUtcNow()), null, false, null);

    public LiveState State => _state;

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

    public async ValueTask<long> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var state = _state;
        // Between polls the monitor's version is the current one; only before the first read
        // (or while reads fail) does a request read for itself.
        if (state.ConfirmedAt is { } at && time.GetUtcNow() - at <= options.Value.PollInterval * 2)
        {
            return state.Snapshot.Version;
        }
        return (await RefreshAsync(cancellationToken)).Snapshot.Version;
    }

    // The last few snapshots: a page that read version N keys its queries by N's areas even if
    // the monitor moved on while it was loading, so it still shares results with the others.
    public DataVersionSnapshot? SnapshotFor(long version)
    {
        lock (_lock)
        {
            return _recent.FirstOrDefault(s => s.Version == version);
        }
    }

    /// <summary>Reads the version now: writers in this process call it after committing, so their
    /// change shows without waiting for the next poll.</summary>
    public async Task<LiveState> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _reading.WaitAsync(cancellationToken);
        LiveState previous, next;
        try
        {
            previous = _state;
            try
            {
                var snapshot = await store.ReadSnapshotAsync(cancellationToken);
                next = new LiveState(snapshot, time.GetUtcNow(), false, null)
                {
                    ChangedAreas = snapshot.Version == previous.Snapshot.Version ? [] : snapshot.ChangedSince(previous.Snapshot),
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var stale = previous.ConfirmedAt is not { } at || time.GetUtcNow() - at > options.Value.StaleAfter;
                next = previous with { IsStale = stale, Problem = ex.Message, ChangedAreas = [] };
                if (!previous.IsStale && stale)
                {
                    logger.LogWarning(ex, "The data version could not be read for {Seconds:F0} s; screens show the data as stale", options.Value.StaleAfter.TotalSeconds);
                }
            }
            if (next.ChangedAreas.Count > 0 && previous.ConfirmedAt is not null)
            {
                // Before anyone re-reads: the stale results must be gone when they ask.
                await services.GetRequiredService<QueryCache>().InvalidateAsync(next.ChangedAreas, cancellationToken);
            }
            _state = next;
            if (next.ChangedAreas.Count > 0 || previous.ConfirmedAt is null)
            {
                lock (_lock)
                {
                    _recent.AddFirst(next.Snapshot);
                    while (_recent.Count > 16)
                    {
                        _recent.RemoveLast();
                    }
                }
            }
        }
        finally
        {
            _reading.Release();
        }
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

    public override void Dispose()
    {
        _reading.Dispose();
        base.Dispose();
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
