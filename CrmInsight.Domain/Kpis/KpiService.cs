using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// Computes KPIs for a filter and scope from the catalog queries, through the shared cache.
/// A KPI's value reads its query for the period P (with P' as the previous window); its
/// comparison value is the same computation one step back (P', with P'').
/// </summary>
public sealed class KpiService(KpiCatalog catalog, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    public KpiCatalog Catalog => catalog;

    /// <param name="dataVersion">The version a page already read, so everything it shows comes from one version; null reads the current one.</param>
    public async Task<KpiReport> GetKpisAsync(DashboardFilter filter, DataScope scope, IEnumerable<string> ids, DataVersionSnapshot? dataVersion = null, CancellationToken cancellationToken = default)
    {
        var definitions = ids.Select(catalog.Get).ToList();
        var resolved = periods.Resolve(filter);
        var version = dataVersion ?? await versions.GetCurrentAsync(cancellationToken);
        var baseArgs = QueryArgs.For(filter, scope).Monthly(false).AsOf(periods.Today);

        // P, P', P'', P''' : each window is read with the one before it as its previous window.
        var steps = new List<DateRange> { resolved.Period };
        for (var i = 0; i < 3; i++)
        {
            steps.Add(steps[^1].ComparedWith(filter.Comparison));
        }

        var needed = definitions
            .SelectMany(d => d.Queries.SelectMany(query =>
                Enumerable.Range(0, d.UsesPreviousWindow ? 3 : 2).Select(step => (Query: query, Windows: WindowsFor(d, steps, step)))))
            .Distinct()
            .ToList();
        var fetched = await Task.WhenAll(needed.Select(async n =>
        {
            var rows = await cache.GetRowsAsync(n.Query, baseArgs.Window(n.Windows.Current, n.Windows.Previous), version, cancellationToken);
            return (Key: (n.Query, n.Windows), Row: rows.Count > 0 ? rows[0] : null);
        }));
        var rowsByWindow = fetched.ToDictionary(f => f.Key, f => f.Row);
        SqlRow? Row(KpiDefinition d, int step) => rowsByWindow[(d.Query, WindowsFor(d, steps, step))];
        IReadOnlyList<SqlRow?> Rows(KpiDefinition d, int step) => [.. d.Queries.Select(q => rowsByWindow[(q, WindowsFor(d, steps, step))])];

        var results = definitions.Select(d =>
        {
            var current = new MeasureContext(Rows(d, 0), d.UsesPreviousWindow ? Row(d, 1) : null);
            var comparison = new MeasureContext(Rows(d, 1), d.UsesPreviousWindow ? Row(d, 2) : null);
            var notForScope = d.IsUndefinedFor(scope);
            var value = d.ValueFor(current, scope);
            // A snapshot is as of now: the same number for every window, so it has nothing to compare with.
            var comparisonValue = notForScope || d.Snapshot ? null : d.Compute(comparison);
            return new KpiResult(d, value, comparisonValue, current.Reads, d.Snapshot ? [] : comparison.Reads, d.IgnoredFilters(filter))
            {
                NotForTeamScope = notForScope,
            };
        }).ToList();

        return new KpiReport(resolved, results, version.Version);
    }

    /// <summary>The dates a KPI's query reads at a step back from P (0 = P, 1 = P', ...), and its previous window.</summary>
    private static (DateRange Current, DateRange Previous) WindowsFor(KpiDefinition definition, List<DateRange> steps, int step)
    {
        if (definition.Window == KpiWindow.TrailingYear)
        {
            var end = steps[step].To;
            return (new DateRange(end.AddYears(-1), end), new DateRange(end.AddYears(-2), end.AddYears(-1)));
        }
        return (steps[step], steps[step + 1]);
    }

    /// <summary>
    /// Each KPI month by month over the <paramref name="months"/> calendar months ending with
    /// the month of the period's last day (that month only up to the period's end). A month's
    /// previous window is the month before it.
    /// The months are read in two cached parts — the closed months and the last one — so a
    /// write dated in the last month (today's orders) recomputes one month, not twelve.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MonthlyPoint>>> GetMonthlySeriesAsync(
        DashboardFilter filter, DataScope scope, IEnumerable<string> ids, int months = 12, DataVersionSnapshot? dataVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var definitions = ids.Select(catalog.Get).ToList();
        var window = periods.Resolve(filter).Period.TrailingMonths(months);
        var version = dataVersion ?? await versions.GetCurrentAsync(cancellationToken);

        var firstMonth = window.From;
        // One month more at the front, so the first month has a month before it.
        var fetch = new DateRange(firstMonth.AddMonths(-1), window.To);
        var lastMonth = new DateOnly(window.To.AddDays(-1).Year, window.To.AddDays(-1).Month, 1);
        var baseArgs = QueryArgs.For(filter, scope).Monthly(true).AsOf(periods.Today);
        // Each part's previous window is the month before it (what retention_monthly reads).
        SqlArgs Part(DateRange part) => baseArgs.Window(part, new DateRange(part.From.AddMonths(-1), part.From));
        DateRange[] parts = [new(fetch.From, lastMonth), new(lastMonth, fetch.To)];

        var queries = definitions.Where(d => HasSeries(d, scope)).Select(d => d.MonthlyQuery ?? d.Query).Distinct().ToList();
        var fetched = await Task.WhenAll(queries.SelectMany(q => parts.Select(async part => (Query: q, Rows: await cache.GetRowsAsync(q, Part(part), version, cancellationToken)))));
        var rowsByMonth = fetched.GroupBy(f => f.Query).ToDictionary(
            g => g.Key,
            g => g.SelectMany(f => f.Rows).Where(r => r.GetDate("bucket") is not null).ToDictionary(r => r.GetDate("bucket")!.Value));

        var series = new Dictionary<string, IReadOnlyList<MonthlyPoint>>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in definitions)
        {
            if (!HasSeries(d, scope))
            {
                series[d.Id] = [];
                continue;
            }
            var byMonth = rowsByMonth[d.MonthlyQuery ?? d.Query];
            series[d.Id] = [.. Enumerable.Range(0, months).Select(i =>
            {
                var month = firstMonth.AddMonths(i);
                var context = new MeasureContext(byMonth.GetValueOrDefault(month), byMonth.GetValueOrDefault(month.AddMonths(-1)));
                return new MonthlyPoint(month, d.Compute(context), PartialBucket.Is(month, month.AddMonths(1), window, periods.Today));
            })];
        }
        await SoFarLikeForLikeAsync(definitions, series, window, QueryArgs.For(filter, scope).Monthly(false).AsOf(periods.Today), scope, version, cancellationToken);
        return series;
    }

    /// <summary>
    /// The last month when it is not over: its value is recomputed with the same days of the month
    /// before as its previous window (1–10 December against 1–10 November, not all of November),
    /// so a rate that reads the previous window (churn, retention) compares like for like.
    /// </summary>
    private async Task SoFarLikeForLikeAsync(
        List<KpiDefinition> definitions, Dictionary<string, IReadOnlyList<MonthlyPoint>> series, DateRange window, SqlArgs args, DataScope scope, DataVersionSnapshot version, CancellationToken cancellationToken)
    {
        var lastMonth = new DateOnly(window.LastDay.Year, window.LastDay.Month, 1);
        if (!PartialBucket.Is(lastMonth, lastMonth.AddMonths(1), window, periods.Today))
        {
            return;
        }
        var current = new DateRange(lastMonth, window.To);
        var previous = SameDaysBefore(current);
        var beforePrevious = SameDaysBefore(previous);
        // Only a value that depends on the previous window differs from the month's own bucket
        // (which already covers just the days so far): the others keep it, with no extra query.
        foreach (var d in definitions.Where(d => HasSeries(d, scope) && (d.UsesPreviousWindow || cache.Reads(d.Query, "prev_from"))))
        {
            var currentRows = await cache.GetRowsAsync(d.Query, args.Window(current, previous), version, cancellationToken);
            var previousRows = d.UsesPreviousWindow ? await cache.GetRowsAsync(d.Query, args.Window(previous, beforePrevious), version, cancellationToken) : [];
            var context = new MeasureContext(currentRows.Count > 0 ? currentRows[0] : null, previousRows.Count > 0 ? previousRows[0] : null);
            var points = series[d.Id];
            series[d.Id] = [.. points.Take(points.Count - 1), points[^1] with { Value = d.Compute(context) }];
        }
    }

    // The same days one calendar month earlier (at least one day: 31 March → 28/29 February).
    private static DateRange SameDaysBefore(DateRange range)
    {
        var from = range.From.AddMonths(-1);
        var to = range.To.AddMonths(-1);
        return new DateRange(from, to > from ? to : from.AddDays(1));
    }

    /// <summary>
    /// Monthly points need the KPI's whole formula in one query per month (snapshots and
    /// multi-query KPIs have none); a company-wide input (spend) has none for a team scope.
    /// </summary>
    private static bool HasSeries(KpiDefinition definition, DataScope scope) =>
        definition.HasMonthlySeries && !definition.Snapshot && definition.ExtraQueries.Count == 0 && !definition.IsUndefinedFor(scope);

}
