namespace CrmInsight.Web.Live;

/// <summary>
/// Turns a burst of change notifications into at most one refresh per interval: the first
/// request runs at once (or as soon as the interval since the last refresh allows), requests
/// while one is pending are folded into it, and a request during a refresh queues one more.
/// A refresh that throws is handed to <c>onError</c> (it runs on a timer: nothing else would see it).
/// </summary>
public sealed class ThrottledRefresh : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Func<Task> _refresh;
    private readonly Action<Exception>? _onError;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private bool _pending;
    private bool _running;
    private bool _disposed;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public ThrottledRefresh(TimeSpan interval, TimeProvider time, Func<Task> refresh, Action<Exception>? onError = null)
    {
        _onError = onError;
        _interval = interval;
        _time = time;
        _refresh = refresh;
        _timer = time.CreateTimer(_ => _ = RunAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Refreshes done so far (for tests).</summary>
    public int Count { get; private set; }

    public void Request()
    {
        lock (_lock)
        {
            if (_disposed || _pending)
            {
                return;
            }
            _pending = true;
            if (_running)
            {
                return; // scheduled when the running refresh ends
            }
            Schedule();
        }
    }

    private void Schedule()
    {
        var wait = _last + _interval - _time.GetUtcNow();
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task RunAsync()
    {
        lock (_lock)
        {
            if (_disposed || _running || !_pending)
            {
                return;
            }
            _pending = false;
            _running = true;
            _last = _time.GetUtcNow();
        }
        try
        {
            Count++;
            await _refresh();
        }
        catch (Exception ex)
        {
            _onError?.Invoke(ex);
        }
        finally
        {
            lock (_lock)
            {
                _running = false;
                if (_pending && !_disposed)
                {
                    Schedule();
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }
        _timer.Dispose();
    }
}
