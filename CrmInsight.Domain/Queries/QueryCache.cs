using System.ComponentModel;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// Query results shared by every viewer: one execution per (query, the caller's scope, the
/// arguments its text uses, and the version at which the data it reads last changed). The
/// scope is part of every key whether or not the query's text reads it, and a call without
/// one is refused: two scopes never share an entry (Metabase served cached values across
/// sandboxes; Superset left row-level security out of its cache keys). HybridCache gives the single flight: concurrent requests for one key share one
/// execution, which is cancelled only when every waiting caller has given up. Failures are
/// not cached. Entries are tagged with the areas they read, so a write can drop exactly the
/// results it made stale.
/// </summary>
public sealed class QueryCache(QueryRunner runner, HybridCache cache, IDataVersionSource versions, IOptions<QueryCacheOptions> options)
{
    private readonly HybridCacheEntryOptions _entryOptions = new()
    {
        Expiration = options.Value.Expiration,
        LocalCacheExpiration = options.Value.Expiration,
        // No distributed tier: the results never leave the process.
        Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    public async Task<IReadOnlyList<SqlRow>> GetRowsAsync(string queryName, SqlArgs args, long dataVersion, CancellationToken cancellationToken = default)
    {
        var query = runner.Prepare(queryName);
        // A version this process has the area breakdown of keys by the areas the query reads;
        // otherwise the global version, which is always correct but shares less.
        var version = versions.SnapshotFor(dataVersion)?.VersionFor(query.Areas) ?? dataVersion;
        var key = KeyFor(query, args, version);
        var result = await cache.GetOrCreateAsync(
            key,
            (runner, queryName, args),
            static async (state, ct) => new CachedRows(await state.runner.QueryRowsAsync(state.queryName, state.args, ct)),
            _entryOptions,
            query.Areas,
            cancellationToken);
        return result.Rows;
    }

    /// <summary>The arguments every cached query carries: the caller's team scope.</summary>
    public static readonly IReadOnlyList<string> ScopeParameters = ["scope_all", "scope_team_ids"];

    /// <summary>The cache key of a query's result: its name, engine, data version, the scope and the arguments its text uses.</summary>
    /// <exception cref="InvalidOperationException">The arguments carry no scope (build them with <see cref="QueryArgs.For"/>).</exception>
    public static string KeyFor(SqlQuery query, SqlArgs args, long version)
    {
        if (ScopeParameters.Any(p => !args.TryGet(p, out _)))
        {
            throw new InvalidOperationException($"'{query.Name}' was asked for without a scope: cached results are always keyed by the caller's scope (QueryArgs.For).");
        }
        return $"{query.Name}|{query.Dialect}|v{version}|{args.KeyFor(ScopeParameters.Union(query.Parameters, StringComparer.OrdinalIgnoreCase))}";
    }

    /// <summary>
    /// Drops the cached results that read any of <paramref name="changedAreas"/> ('*': all). The
    /// monitor calls it before it publishes the new version, so nothing computed for the new
    /// version is caught. Tags are the area names alone: HybridCache remembers every tag it
    /// was asked to invalidate for the life of the process, so per-version tags would grow
    /// without bound on a wall that runs for weeks.
    /// </summary>
    public async Task InvalidateAsync(IReadOnlyList<string> changedAreas, CancellationToken cancellationToken = default)
    {
        if (changedAreas.Contains(DataAreas.All))
        {
            await cache.RemoveByTagAsync("*", cancellationToken);
            return;
        }
        await cache.RemoveByTagAsync(changedAreas, cancellationToken);
    }

    /// <summary>Immutable, so HybridCache hands out the same instance instead of copying it per read.</summary>
    [ImmutableObject(true)]
    private sealed record CachedRows(IReadOnlyList<SqlRow> Rows);
}
