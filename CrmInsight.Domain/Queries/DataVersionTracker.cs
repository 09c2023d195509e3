using CrmInsight.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// The process's knowledge of the data version, one way: it reads the version row
/// (<see cref="RefreshAsync"/>), drops the cached results a change made stale and only then
/// publishes the new state; requests read the published snapshot (or, when none is fresh,
/// read one for themselves without publishing it). It never notifies anyone: the web host's
/// change monitor calls <see cref="RefreshAsync"/> on its timer and tells the screens. The
/// same class serves the web host, the command line, the benchmark and the tests.
/// </summary>
public sealed class DataVersionTracker(
    DataVersionStore store,
    QueryCache cache,
    IOptions<DataVersionOptions> options,
    TimeProvider time,
    ILogger<DataVersionTracker>? logger = null) : IDataVersionSource, IDisposable
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly ILogger _logger = logger ?? NullLogger<DataVersionTracker>.Instance;
    private LiveState _state = new(DataVersionSnapshot.Initial(time.GetUtcNow()), null, false, null);

    public LiveState State => _state;

    public async ValueTask<DataVersionSnapshot> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var state = _state;
        if (state.ConfirmedAt is { } at && time.GetUtcNow() - at < options.Value.FreshFor)
        {
            return state.Snapshot;
        }
        try
        {
            return await store.ReadSnapshotAsync(cancellationToken);
        }
        catch (Exception ex) when (state.ConfirmedAt is not null && ex is not OperationCanceledException)
        {
            // The last confirmed data; the monitor marks it stale if this goes on.
            return state.Snapshot;
        }
    }

    /// <summary>
    /// Reads the version now; on a change drops the stale cached results, then publishes.
    /// Returns the state before and after (equal versions: nothing changed).
    /// </summary>
    public async Task<(LiveState Previous, LiveState Next)> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            var previous = _state;
            LiveState next;
            try
            {
                var snapshot = await store.ReadSnapshotAsync(cancellationToken);
                var changed = snapshot.Version != previous.Snapshot.Version;
                next = new LiveState(snapshot, time.GetUtcNow(), false, null)
                {
                    ChangedAreas = changed ? snapshot.ChangedSince(previous.Snapshot) : [],
                    ChangedMonths = changed ? snapshot.ChangedMonthsSince(previous.Snapshot) : new Dictionary<string, IReadOnlyList<DateOnly>>(),
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var stale = previous.ConfirmedAt is not { } at || time.GetUtcNow() - at > options.Value.StaleAfter;
                next = previous with { IsStale = stale, Problem = ex.Message, ChangedAreas = [], ChangedMonths = new Dictionary<string, IReadOnlyList<DateOnly>>() };
                if (!previous.IsStale && stale)
                {
                    _logger.LogWarning(ex, "The data version could not be read for {Seconds:F0} s; screens show the data as stale", options.Value.StaleAfter.TotalSeconds);
                }
            }
            if (next.ChangedAreas.Count > 0 && previous.ConfirmedAt is not null)
            {
                // Before anyone hears of the new version: the stale results must be gone when they ask.
                await cache.InvalidateAsync(next.ChangedMonths, cancellationToken);
            }
            _state = next;
            return (previous, next);
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();
}
