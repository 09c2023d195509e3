namespace CrmInsight.Domain.Queries;

/// <summary>
/// Runs query executions on the thread pool, at most a fixed number at a time. DuckDB.NET runs a
/// command synchronously inside its async API, so a page's independent queries — which its
/// service starts together — would otherwise run one after another on the caller's thread; more
/// at once than the limit only contend for the cores and memory.
/// </summary>
public sealed class QueryGate(int slots) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
