namespace CrmInsight.Web.Hosting;

/// <summary>
/// The callbacks of a process-wide notifier (database readiness, data changes): added with an
/// <see cref="IDisposable"/> that removes them, read as a snapshot so a callback may
/// unsubscribe while it is being called.
/// </summary>
public sealed class Listeners<T>
    where T : Delegate
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public IDisposable Add(T listener)
    {
        lock (_lock)
        {
            _items.Add(listener);
        }
        return new Removal(this, listener);
    }

    public T[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }

    private sealed class Removal(Listeners<T> owner, T listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._items.Remove(listener);
            }
        }
    }
}
