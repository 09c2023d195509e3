using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CrmInsight.Tests.TestSupport;

/// <summary>Counts the app's open circuits (one per live browser tab) and lets a test wait for a count, without polling.</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private readonly Lock _lock = new();
    private readonly List<(Func<int, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private int _open;

    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    public Task WaitUntilAsync(Func<int, bool> condition, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (condition(_open))
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => Change(+1);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => Change(-1);

    private Task Change(int by)
    {
        lock (_lock)
        {
            _open += by;
            foreach (var waiter in _waiters.Where(w => w.Condition(_open)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        return Task.CompletedTask;
    }
}
