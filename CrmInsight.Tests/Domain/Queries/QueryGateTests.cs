using CrmInsight.Domain.Queries;

namespace CrmInsight.Tests.Domain.Queries;

/// <summary>
/// The gate runs work that blocks its thread (as a DuckDB command does inside its async API) off
/// the caller's thread, so a page's queries overlap, and never more at once than its slots.
/// </summary>
public sealed class QueryGateTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Blocking_work_runs_beside_other_work_up_to_the_slots_and_the_rest_waits()
    {
        using var gate = new QueryGate(2);
        using var release = new SemaphoreSlim(0);
        using var started = new SemaphoreSlim(0);
        var running = 0;
        var peak = 0;
        Task<int> Block(int n) => gate.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            started.Release();
            release.Wait(); // a synchronous execution holding its thread
            Interlocked.Decrement(ref running);
            return Task.FromResult(n);
        });

        // Were the work run on this thread, the first call would never return.
        var tasks = new[] { Block(1), Block(2), Block(3) };
        Assert.True(await started.WaitAsync(Bound));
        Assert.True(await started.WaitAsync(Bound));
        Assert.Equal(2, Volatile.Read(ref running));
        Assert.DoesNotContain(tasks, t => t.IsCompleted);

        release.Release(); // one finishes: the third starts in its slot
        Assert.True(await started.WaitAsync(Bound));
        release.Release(2);

        var results = await Task.WhenAll(tasks).WaitAsync(Bound);
        Assert.Equal([1, 2, 3], results.AsEnumerable());
        Assert.Equal(2, peak);
    }

    [Fact]
    public async Task Background_work_takes_one_slot_and_leaves_the_others_to_screens()
    {
        using var gate = new QueryGate(3);
        using var release = new SemaphoreSlim(0);
        using var started = new SemaphoreSlim(0);
        var backgroundRunning = 0;
        Task<int> Block(bool background) => gate.RunAsync(() =>
        {
            if (background)
            {
                Interlocked.Increment(ref backgroundRunning);
            }
            started.Release();
            release.Wait();
            return Task.FromResult(0);
        });

        Task<int>? first = null, second = null;
        await QueryGate.RunInBackgroundAsync(() =>
        {
            (first, second) = (Block(true), Block(true));
            return Task.CompletedTask;
        });
        Assert.True(await started.WaitAsync(Bound));
        // A screen's query starts beside the running background one, though the second background one waits.
        var screen = Block(false);
        Assert.True(await started.WaitAsync(Bound));
        Assert.Equal(1, Volatile.Read(ref backgroundRunning));

        release.Release(3);
        await Task.WhenAll(first!, second!, screen).WaitAsync(Bound);
        Assert.Equal(2, backgroundRunning);
    }

    [Fact]
    public async Task Work_runs_on_the_gates_own_threads_and_they_are_reused()
    {
        using var gate = new QueryGate(2);
        var caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        // One after another: a gate that started a thread per execution would show ten.
        for (var i = 0; i < 10; i++)
        {
            threads.Add(await gate.RunAsync(() => Task.FromResult(Environment.CurrentManagedThreadId)).WaitAsync(Bound));
        }
        Assert.InRange(threads.Count, 1, 2);
        Assert.DoesNotContain(caller, threads);
    }

    [Fact]
    public async Task A_failure_frees_its_slot()
    {
        using var gate = new QueryGate(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(() => throw new InvalidOperationException("no such column")));

        Assert.Equal(7, await gate.RunAsync(() => Task.FromResult(7)).WaitAsync(Bound));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
