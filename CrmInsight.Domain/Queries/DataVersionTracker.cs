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
    private readonly Lock _inFlightLock = new();
    private Task<DataVersionSnapshot>? _inFlight;
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
            return await ReadSharedAsync(cancellationToken);
        }
        catch (Exception ex) when (state.ConfirmedAt is not null && ex is not OperationCanceledException)
        {
            // The last confirmed data; the monitor marks it stale if this goes on.
            return state.Snapshot;
        }
    }

    /// <summary>
    /// One read of the version row for every request that finds no fresh snapshot at the same
    /// moment: when the monitor's fresh window lapses under load, fifty walls would otherwise
    /// each open a connection (DuckDB.NET opens under a global lock) and starve the pool.
    /// The read itself is not cancelled by one waiter giving up; the others still want it.
    /// </summary>
    private Task<DataVersionSnapshot> ReadSharedAsync(CancellationToken cancellationToken)
    {
        Task<DataVersionSnapshot> read;
        lock (_inFlightLock)
        {
            // On a pool thread of its own: no waiter (nor its circuit's context) carries the read.
            read = _inFlight ??= Task.Run(ReadOnceAsync, CancellationToken.None);
        }
        return read.WaitAsync(cancellationToken);
    }

    private async Task<DataVersionSnapshot> ReadOnceAsync()
    {
        try
        {
            return await store.ReadSnapshotAsync(CancellationToken.None);
        }
        finally
        {
            // Runs after the assignment above: that thread holds the lock until it is made.
            lock (_inFlightLock)
            {
                _inFlight = null;
            }
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
                    ChangedDates = changed ? snapshot.ChangedDatesSince(previous.Snapshot) : new Dictionary<string, IReadOnlyList<DateOnly>>(),
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var stale = previous.ConfirmedAt is not { } at || time.GetUtcNow() - at > options.Value.StaleAfter;
                next = previous with { IsStale = stale, Problem = ex.Message, ChangedAreas = [], ChangedDates = new Dictionary<string, IReadOnlyList<DateOnly>>() };
                if (!previous.IsStale && stale)
                {
                    _logger.LogWarning(ex, "The data version could not be read for {Seconds:F0} s; screens show the data as stale", options.Value.StaleAfter.TotalSeconds);
                }
            }
            if (next.ChangedAreas.Count > 0 && previous.ConfirmedAt is not null)
            {
                // Before anyone hears of the new version: the stale results must be gone when they ask.
                await cache.InvalidateAsync(next.ChangedDates, cancellationToken);
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
