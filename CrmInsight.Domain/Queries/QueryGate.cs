using System.Collections.Concurrent;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// Runs query executions on threads of their own, at most a fixed number at a time. DuckDB.NET
/// runs a command synchronously inside its async API, so a page's independent queries — which
/// its service starts together — would otherwise run one after another on the caller's thread;
/// on pool threads they would block the pool the circuits and Kestrel run on (two cores: two
/// threads before the pool grows). More at once than the limit only contend for the cores.
/// Background work (<see cref="RunInBackgroundAsync"/>: the default-view warmer) takes at most
/// one slot, so screens always find the others free.
/// The threads are the gate's own, one per slot, started once and reused: a thread started per
/// query cost 1–2.5 ms of wall time and about as much processor time per execution at 10 M orders
/// (the thread's start and DuckDB's per-thread state made anew each time), over 60 queries a page.
/// </summary>
public sealed class QueryGate : IDisposable
{
    private static readonly AsyncLocal<bool> InBackground = new();

    private readonly int _slotCount;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _background = new(1, 1);
    private readonly BlockingCollection<Action> _work = [];

    public QueryGate(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _slotCount = slots;
        _slots = new SemaphoreSlim(slots, slots);
        for (var i = 0; i < slots; i++)
        {
            // Background threads: a gate never disposed (a test's) does not keep the process alive.
            new Thread(RunWork) { IsBackground = true, Name = $"crminsight-query-{i + 1}" }.Start();
        }
    }

    private void RunWork()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

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
        var background = InBackground.Value && _slotCount > 1;
        if (background)
        {
            await _background.WaitAsync(cancellationToken);
        }
        try
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                // One of the gate's threads for as long as the execution blocks (truly async providers
                // hand back at their first await; what follows runs on the pool). A slot is held, so a
                // thread is free.
                cancellationToken.ThrowIfCancellationRequested();
                var started = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
                _work.Add(() =>
                {
                    try
                    {
                        started.SetResult(work());
                    }
                    catch (Exception e)
                    {
                        started.SetResult(Task.FromException<T>(e));
                    }
                }, cancellationToken);
                return await await started.Task;
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
        // The threads finish what is queued and end.
        _work.CompleteAdding();
        _slots.Dispose();
        _background.Dispose();
    }
}
