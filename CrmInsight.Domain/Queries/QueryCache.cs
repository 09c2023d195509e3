using CrmInsight.Domain.Sql;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// Query results shared by every viewer: one execution per (query, the arguments its text
/// uses — filter and scope included — and data version). Concurrent requests for the same
/// key wait on the same execution. A new data version makes new keys, so stale results are
/// never served; old ones age out.
/// </summary>
public sealed class QueryCache : IDisposable
{
    private readonly QueryRunner _runner;
    private readonly MemoryCache _cache;
    private readonly TimeSpan _slidingExpiration;

    public QueryCache(QueryRunner runner, IOptions<QueryCacheOptions> options)
    {
        _runner = runner;
        _slidingExpiration = options.Value.SlidingExpiration;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MaxEntries });
    }

    public Task<IReadOnlyList<SqlRow>> GetRowsAsync(string queryName, SqlArgs args, long dataVersion, CancellationToken cancellationToken = default)
    {
        var query = _runner.Prepare(queryName);
        var key = $"{queryName}|{query.Dialect}|v{dataVersion}|{args.KeyFor(query.Parameters)}";
        var entry = _cache.GetOrCreate(key, e =>
        {
            e.Size = 1;
            e.SlidingExpiration = _slidingExpiration;
            // The shared execution must not die with the first caller's cancellation.
            return new Lazy<Task<IReadOnlyList<SqlRow>>>(() => _runner.QueryRowsAsync(queryName, args, CancellationToken.None));
        })!;
        var task = entry.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failure is not a result: the next caller tries again.
            _cache.Remove(key);
        }
        else
        {
            _ = task.ContinueWith(t => _cache.Remove(key), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        }
        return task.WaitAsync(cancellationToken);
    }

    public void Dispose() => _cache.Dispose();
}
