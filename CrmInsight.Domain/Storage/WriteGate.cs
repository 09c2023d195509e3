namespace CrmInsight.Domain.Storage;

/// <summary>
/// One writer at a time in this process (ingest API, simulator, import merges). DuckDB would
/// otherwise fail the later of two transactions that touch the same table. A writer waits at
/// most <see cref="Timeout"/> for its turn, then gets a <see cref="WriteGateTimeoutException"/>
/// (the API answers 503 with Retry-After) instead of queueing without end behind a long write.
/// </summary>
public sealed class WriteGate(TimeSpan? timeout = null) : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public TimeSpan Timeout { get; } = timeout ?? DefaultTimeout;

    /// <exception cref="WriteGateTimeoutException">Another write held the gate for longer than <see cref="Timeout"/>.</exception>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (!await _gate.WaitAsync(Timeout, cancellationToken))
        {
            throw new WriteGateTimeoutException(Timeout);
        }
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

/// <summary>Another write kept the database busy for longer than the gate waits; nothing was written, and the same request may be sent again.</summary>
public sealed class WriteGateTimeoutException(TimeSpan waited)
    : TimeoutException($"Another write (an import or a large ingest) kept the database busy for more than {waited.TotalSeconds:N0} s; nothing was written. Send the same request again shortly.")
{
    public TimeSpan Waited { get; } = waited;
}
