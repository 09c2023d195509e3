namespace CrmInsight.Domain.Storage;

/// <summary>
/// One writer at a time in this process (ingest API, simulator, import page). DuckDB would
/// otherwise fail the later of two transactions that touch the same table; on SQL Server it
/// keeps one process's surrogate keys (MAX + 1) from colliding with its own.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
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
