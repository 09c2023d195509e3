namespace CrmInsight.Domain.Queries;

/// <summary>
/// Runs query executions on threads of their own, at most a fixed number at a time. DuckDB.NET
/// runs a command synchronously inside its async API, so a page's independent queries — which
/// its service starts together — would otherwise run one after another on the caller's thread;
/// on pool threads they would block the pool the circuits and Kestrel run on (two cores: two
/// threads before the pool grows). More at once than the limit only contend for the cores.
/// Background work (<see cref="RunInBackgroundAsync"/>: the default-view warmer) takes at most
/// one slot, so screens always find the others free.
/// </summary>
public sealed class QueryGate(int slots) : IDisposable
{
    private static readonly AsyncLocal<bool> InBackground = new();

    private readonly SemaphoreSlim _slots = new(slots, slots);
    private readonly SemaphoreSlim _background = new(1, 1);

    /// <summary>The queries run (through any gate) inside <paramref name="work"/> count as background work.</summary>
    public static async Task RunInBackgroundAsync(Func<Task> work)
    {
        InBackground.Value = true;
        try
        {
            await work();
        }
        finally
        {
            InBackground.Value = false;
        }
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        var background = InBackground.Value && slots > 1;
        if (background)
        {
            await _background.WaitAsync(cancellationToken);
        }
        try
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                // A thread of its own for as long as the execution blocks (truly async providers hand back at their first await).
                return await Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            if (background)
            {
                _background.Release();
            }
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _background.Dispose();
    }
}
