using CrmInsight.Domain.Sql;
using Microsoft.Extensions.Caching.Hybrid;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The real HybridCache with a window onto it: every key asked for (<see cref="Reads"/>) and
/// every entry created (<see cref="Created"/>: key → the rows stored), so a test can assert on
/// the cache's own keys and entries rather than only on what callers got back.
/// </summary>
public sealed class RecordingHybridCache(HybridCache inner) : HybridCache
{
    private readonly Lock _lock = new();
    private readonly List<string> _reads = [];
    private readonly Dictionary<string, IReadOnlyList<SqlRow>> _created = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Reads
    {
        get
        {
            lock (_lock)
            {
                return [.. _reads];
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<SqlRow>> Created
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, IReadOnlyList<SqlRow>>(_created, StringComparer.Ordinal);
            }
        }
    }

    public override ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _reads.Add(key);
        }
        return inner.GetOrCreateAsync(key, (state, factory, key, self: this), static async (s, ct) =>
        {
            var value = await s.factory(s.state, ct);
            s.self.Record(s.key, value);
            return value;
        }, options, tags, cancellationToken);
    }

    // QueryCache stores its rows in a private immutable record with a Rows property.
    private void Record<T>(string key, T value)
    {
        var rows = (IReadOnlyList<SqlRow>)typeof(T).GetProperty("Rows")!.GetValue(value)!;
        lock (_lock)
        {
            _created[key] = rows;
        }
    }

    public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
        inner.SetAsync(key, value, options, tags, cancellationToken);

    public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => inner.RemoveAsync(key, cancellationToken);

    public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) => inner.RemoveByTagAsync(tag, cancellationToken);
}
