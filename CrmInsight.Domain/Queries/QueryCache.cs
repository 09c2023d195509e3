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
public sealed class QueryCache(QueryRunner runner, HybridCache cache, IOptions<QueryCacheOptions> options) : IDisposable
{
    private readonly QueryGate _gate = new(options.Value.MaxConcurrentQueries);

    /// <summary>The folder of the queries that answer the same as their namesake when nothing is filtered, from pre-aggregates.</summary>
    public const string UnfilteredPrefix = "unfiltered/";

    /// <summary>The folder of the queries that answer the same as their namesake under a filter on one member (<see cref="QueryArgs.IsOneMember"/>), from pre-aggregates.</summary>
    public const string MemberPrefix = "member/";

    private readonly HybridCacheEntryOptions _entryOptions = new()
    {
        Expiration = options.Value.Expiration,
        LocalCacheExpiration = options.Value.Expiration,
        // No distributed tier: the results never leave the process.
        Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    /// <param name="snapshot">The data version the caller read for its whole page (<see cref="IDataVersionSource"/>).</param>
    public async Task<IReadOnlyList<SqlRow>> GetRowsAsync(string queryName, SqlArgs args, DataVersionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        args = args.WithoutUnreadDimensions(runner.Prepare(queryName).Parameters);
        queryName = ChooseQuery(queryName, args);
        var query = runner.Prepare(queryName);
        args = OneMonthAsPeriod(query, args);
        if (AdditiveSplit.CutFor(query, args) is { } cut)
        {
            // Two entries: the days before today (kept by a write dated today) and today on;
            // the window's own start stays @window_from in both.
            var halves = await Task.WhenAll(
                GetCachedAsync(query, args.With("date_to", cut), snapshot, cancellationToken),
                GetCachedAsync(query, args.With("date_from", cut), snapshot, cancellationToken));
            return AdditiveSplit.Sum(queryName, halves[0], halves[1]);
        }
        return await GetCachedAsync(query, args, snapshot, cancellationToken);
    }

    private async Task<IReadOnlyList<SqlRow>> GetCachedAsync(SqlQuery query, SqlArgs args, DataVersionSnapshot snapshot, CancellationToken cancellationToken)
    {
        // Keyed by the version at which the areas the query reads last changed — for a query
        // dated by its window, by the changes dated before the window's end only — and always by the scope.
        var before = query.IsDated && args.TryGet("date_to", out var to) && to is DateOnly end ? end : (DateOnly?)null;
        var version = snapshot.VersionFor(query.Areas, before);
        var key = KeyFor(query, args, version);
        var result = await cache.GetOrCreateAsync(
            key,
            (runner, gate: _gate, queryName: query.Name, args),
            // Off the caller's thread and bounded (QueryGate): a page's queries overlap.
            static async (state, ct) => new CachedRows(await state.gate.RunAsync(() => state.runner.QueryRowsAsync(state.queryName, state.args, ct), ct)),
            _entryOptions,
            before is { } day ? DatedTags(query.Areas, day) : query.Areas,
            cancellationToken);
        return result.Rows;
    }

    /// <summary>
    /// The arguments with <c>@monthly</c> = 0 when they ask for the months of a window that lies
    /// inside one calendar month and starts on its first day: its one month bucket is the window
    /// itself (bucket = that first day either way), so the last month of a sparkline and the month
    /// "so far" are one cached result, computed once cold and once after a write dated today.
    /// <c>UnfilteredTwinTests</c> holds every query with <c>@monthly</c> to it.
    /// </summary>
    public static SqlArgs OneMonthAsPeriod(SqlQuery query, SqlArgs args) =>
        query.Parameters.Contains("monthly")
        && args.Value("monthly") is 1
        && args.Value("date_from") is DateOnly from && from.Day == 1
        && args.Value("date_to") is DateOnly to && to > from && to <= from.AddMonths(1)
        && (args.Value("window_from") is not DateOnly windowFrom || windowFrom == from)
            ? args.With("monthly", 0)
            : args;

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

    /// <summary>Whether the query's text reads the parameter (e.g. <c>prev_from</c>: it depends on the previous window).</summary>
    public bool Reads(string queryName, string parameter) => runner.Prepare(queryName).Parameters.Contains(parameter);

    /// <summary>
    /// The query that answers <paramref name="queryName"/> for these arguments: its
    /// <c>unfiltered/</c> twin when one exists and nothing it reads is filtered (a filter on a
    /// dimension its text does not read is dropped first: <see cref="QueryArgs.WithoutUnreadDimensions"/>; the twin reads the
    /// pre-aggregates and returns the same rows; a test holds them equal), else itself.
    /// A twin has no team predicate, so it is picked only for the whole scope (<c>@scope_all</c> = 1
    /// and no team named); any other scope, or arguments that do not say, read the facts (fail closed).
    /// </summary>
    /// <remarks>
    /// A twin marked <see cref="SqlQuery.DayFiltersDirective"/> answers under filters on the dimensions
    /// agg_sale_day carries too (<see cref="QueryArgs.IsDayFiltered"/>); one marked
    /// <see cref="SqlQuery.CustomerFiltersDirective"/> under filters on the customer (<see cref="QueryArgs.IsCustomerFiltered"/>).
    /// Under a filter on one member of region, segment, channel or category (and nothing else, the
    /// whole scope: <see cref="QueryArgs.IsOneMember"/>), its <c>member/</c> twin when one exists:
    /// it reads agg_member_chain and agg_sale_day's rows of that member (FilteredTwinTests hold it equal).
    /// </remarks>
    public string ChooseQuery(string queryName, SqlArgs args)
    {
        if (!NamesNoTeam(args))
        {
            return queryName;
        }
        if (runner.Has(UnfilteredPrefix + queryName))
        {
            var twin = runner.Prepare(UnfilteredPrefix + queryName);
            if (QueryArgs.IsUnfiltered(args)
                || (QueryArgs.IsDayFiltered(args) && twin.AnswersDayFilters)
                || (QueryArgs.IsCustomerFiltered(args) && twin.AnswersCustomerFilters))
            {
                return UnfilteredPrefix + queryName;
            }
        }
        return QueryArgs.IsOneMember(args) && runner.Has(MemberPrefix + queryName) ? MemberPrefix + queryName : queryName;
    }

    private static bool NamesNoTeam(SqlArgs args) =>
        args.TryGet("scope_team_ids", out var teams) && teams is System.Collections.ICollection { Count: 0 };

    /// <summary>
    /// Drops the cached results that read any of <paramref name="changedAreas"/> ('*': all). The
    /// monitor calls it before it publishes the new version, so nothing computed for the new
    /// version is caught. Keys carry versions, so this is about memory, not correctness: a
    /// superseded result is never read again. Tags are area names (plus the month a dated
    /// result ends in), not versions: HybridCache remembers every tag it was asked to
    /// invalidate for the life of the process, so per-version tags would grow without bound on
    /// a wall that runs for weeks (day tags grow by the days written: a few per day).
    /// </summary>
    public Task InvalidateAsync(IReadOnlyList<string> changedAreas, CancellationToken cancellationToken = default) =>
        InvalidateAsync(changedAreas.ToDictionary(a => a, _ => (IReadOnlyList<DateOnly>)[], StringComparer.Ordinal), cancellationToken);

    /// <summary>
    /// Drops the results a change made stale: per changed area, the undated results and the
    /// dated ones whose window ends on or after the first changed date — by the day tags of that
    /// date's month from it on (a write dated today keeps the results that end before today), by
    /// month tags for the months after (no dates: all of the area). Results over earlier dates
    /// stay — their keys did not change either.
    /// </summary>
    public async Task InvalidateAsync(IReadOnlyDictionary<string, IReadOnlyList<DateOnly>> changedDates, CancellationToken cancellationToken = default)
    {
        if (changedDates.ContainsKey(DataAreas.All))
        {
            await cache.RemoveByTagAsync("*", cancellationToken);
            return;
        }
        var tags = new List<string>();
        foreach (var (area, dates) in changedDates)
        {
            tags.Add(area);
            if (dates.Count == 0)
            {
                tags.Add(area + DatedSuffix);
                continue;
            }
            var first = dates.Min();
            var firstMonth = new DateOnly(first.Year, first.Month, 1);
            if (first == firstMonth)
            {
                tags.Add(MonthTag(area, firstMonth));
            }
            else
            {
                for (var day = first; day < firstMonth.AddMonths(1); day = day.AddDays(1))
                {
                    tags.Add(DayTag(area, day));
                }
            }
            // Windows ending later than two years after the change are left to expire.
            for (var month = firstMonth.AddMonths(1); month <= dates.Max().AddMonths(24); month = month.AddMonths(1))
            {
                tags.Add(MonthTag(area, month));
            }
        }
        await cache.RemoveByTagAsync(tags, cancellationToken);
    }

    private const string DatedSuffix = "@dated";

    /// <summary>A dated result is tagged by the month and the day of its window's last day, and as dated, per area.</summary>
    private static string[] DatedTags(IReadOnlyList<string> areas, DateOnly before)
    {
        var last = before.AddDays(-1);
        var month = new DateOnly(last.Year, last.Month, 1);
        return [.. areas.SelectMany(a => new[] { MonthTag(a, month), DayTag(a, last), a + DatedSuffix })];
    }

    private static string MonthTag(string area, DateOnly month) => $"{area}@{month:yyyy-MM}";

    private static string DayTag(string area, DateOnly day) => $"{area}@{day:yyyy-MM-dd}";

    /// <summary>Immutable, so HybridCache hands out the same instance instead of copying it per read.</summary>
    [ImmutableObject(true)]
    private sealed record CachedRows(IReadOnlyList<SqlRow> Rows);

    public void Dispose() => _gate.Dispose();
}
