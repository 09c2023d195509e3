using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// Computes KPIs for a filter and scope from the catalog queries, through the shared cache.
/// A KPI's value reads its query for the period P (with P' as the previous window); its
/// comparison value is the same computation one step back (P', with P'').
/// With <paramref name="statusRules"/> (the default scorecard's thresholds) every KPI on that
/// scorecard also gets its red/amber/green status, so tiles everywhere can show it.
/// </summary>
public sealed class KpiService(
    KpiCatalog catalog, QueryCache cache, PeriodResolver periods, IDataVersionSource versions, IKpiStatusRules? statusRules = null)
{
    public KpiCatalog Catalog => catalog;

    /// <param name="dataVersion">The version a page already read, so everything it shows comes from one version; null reads the current one.</param>
    public async Task<KpiReport> GetKpisAsync(DashboardFilter filter, DataScope scope, IEnumerable<string> ids, DataVersionSnapshot? dataVersion = null, CancellationToken cancellationToken = default)
    {
        var definitions = ids.Select(catalog.Get).ToList();
        var resolved = periods.Resolve(filter);
        var version = dataVersion ?? await versions.GetCurrentAsync(cancellationToken);

        var values = await ComputeAsync(definitions, filter, scope, resolved.Period, version, withComparison: true, cancellationToken);
        var results = definitions.Select(d =>
        {
            var (current, comparison) = values[d.Id];
            return new KpiResult(d, current.Value, comparison?.Value, current.Inputs, comparison?.Inputs ?? [], d.IgnoredFilters(filter))
            {
                NotForTeamScope = d.IsUndefinedFor(scope),
            };
        }).ToList();

        if (statusRules is not null)
        {
            results = await WithStatusesAsync(results, filter, scope, resolved, version, cancellationToken);
        }
        return new KpiReport(resolved, results, version.Version) { Snapshot = version };
    }

    /// <summary>
    /// The KPIs' values over <paramref name="window"/> alone (no comparison), each read with the
    /// window before it by the filter's comparison mode as its previous window: the scorecard's
    /// quarterly trend and the "same period last year" of historical targets.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, KpiValue>> GetValuesAsync(
        DashboardFilter filter, DataScope scope, IEnumerable<string> ids, DateRange window, DataVersionSnapshot dataVersion, CancellationToken cancellationToken = default)
    {
        var definitions = ids.Select(catalog.Get).ToList();
        var values = await ComputeAsync(definitions, filter, scope, window, dataVersion, withComparison: false, cancellationToken);
        return values.ToDictionary(v => v.Key, v => v.Value.Current, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<Dictionary<string, (KpiValue Current, KpiValue? Comparison)>> ComputeAsync(
        List<KpiDefinition> definitions, DashboardFilter filter, DataScope scope, DateRange period, DataVersionSnapshot version, bool withComparison, CancellationToken cancellationToken)
    {
        var baseArgs = QueryArgs.For(filter, scope).Monthly(false).AsOf(periods.Today);

        // P, P', P'', P''' : each window is read with the one before it as its previous window.
        var steps = new List<DateRange> { period };
        for (var i = 0; i < 3; i++)
        {
            steps.Add(steps[^1].ComparedWith(filter.Comparison));
        }

        // A report (withComparison) reads P from a KPI's CurrentQuery when it has one: the query its page runs over P anyway.
        IReadOnlyList<string> QueriesAt(KpiDefinition d, int step) =>
            step == 0 && withComparison && d.CurrentQuery is { } current ? [current, .. d.ExtraQueries] : d.Queries;
        var needed = definitions
            .SelectMany(d => StepsRead(d, withComparison).SelectMany(step => QueriesAt(d, step).Select(query => (Query: query, Windows: WindowsFor(d, steps, step)))))
            .Distinct()
            .ToList();
        var fetched = await Task.WhenAll(needed.Select(async n =>
        {
            var args = baseArgs.Window(n.Windows.Current, n.Windows.Previous).MeasuredAt(periods.AsOfUtc(n.Windows.Current));
            var rows = await cache.GetRowsAsync(n.Query, args, version, cancellationToken);
            return (Key: (n.Query, n.Windows), Row: rows.Count > 0 ? rows[0] : null);
        }));
        var rowsByWindow = fetched.ToDictionary(f => f.Key, f => f.Row);
        SqlRow? Row(KpiDefinition d, int step) => rowsByWindow[(QueriesAt(d, step)[0], WindowsFor(d, steps, step))];
        IReadOnlyList<SqlRow?> Rows(KpiDefinition d, int step) => [.. QueriesAt(d, step).Select(q => rowsByWindow[(q, WindowsFor(d, steps, step))])];

        KpiValue At(KpiDefinition d, int step)
        {
            // A company-wide input (spend) is not a team's: undefined for a team scope, never 0.
            if (d.IsUndefinedFor(scope))
            {
                return new KpiValue(null, [], NotForTeamScope: true);
            }
            var context = new MeasureContext(Rows(d, step), d.UsesPreviousWindow ? Row(d, step + 1) : null);
            return new KpiValue(d.Compute(context), context.Reads);
        }

        var values = new Dictionary<string, (KpiValue, KpiValue?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in definitions)
        {
            // A snapshot is as of now: the same number for every window, so it has nothing to compare with.
            values[d.Id] = (At(d, 0), withComparison && !d.Snapshot ? At(d, 1) : null);
        }
        return values;
    }

    /// <summary>The steps back from P whose rows a KPI's value (and comparison value) read.</summary>
    private static IEnumerable<int> StepsRead(KpiDefinition definition, bool withComparison)
    {
        var valueSteps = definition.UsesPreviousWindow ? 2 : 1;
        var comparison = withComparison && !definition.Snapshot;
        return Enumerable.Range(0, comparison ? valueSteps + 1 : valueSteps);
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
    /// Each KPI on the default scorecard with its status against that scorecard's target and
    /// thresholds. A historical target is the same period last year: the comparison value when
    /// the page already compares with last year, else read once for those KPIs.
    /// </summary>
    private async Task<List<KpiResult>> WithStatusesAsync(
        List<KpiResult> results, DashboardFilter filter, DataScope scope, ResolvedPeriod resolved, DataVersionSnapshot version, CancellationToken cancellationToken)
    {
        var rules = await statusRules!.GetRulesAsync(cancellationToken);
        var onCard = results.Where(r => rules.ContainsKey(r.Id)).ToList();
        if (onCard.Count == 0)
        {
            return results;
        }
        var historical = onCard.Where(r => rules[r.Id].Standard == ScorecardStandard.Historical).Select(r => r.Id).ToList();
        IReadOnlyDictionary<string, decimal?> lastYear = historical.Count == 0
            ? new Dictionary<string, decimal?>()
            : filter.Comparison == ComparisonMode.SamePeriodLastYear
                ? onCard.ToDictionary(r => r.Id, r => r.ComparisonValue, StringComparer.OrdinalIgnoreCase)
                : (await GetValuesAsync(filter, scope, historical, resolved.Period.ComparedWith(ComparisonMode.SamePeriodLastYear), version, cancellationToken))
                    .ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.OrdinalIgnoreCase);
        return [.. results.Select(r => rules.TryGetValue(r.Id, out var rule)
            ? r with { Status = rule.Evaluate(r.Value, lastYear.GetValueOrDefault(r.Id), r.Definition.Direction) }
            : r)];
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
        // All at once: after a write dated today these are what is recomputed, and one after
        // another they would add up on the wall's wait.
        var recomputed = await Task.WhenAll(definitions
            .Where(d => HasSeries(d, scope) && (d.UsesPreviousWindow || cache.Reads(d.Query, "prev_from")))
            .Select(async d =>
            {
                var currentRows = cache.GetRowsAsync(d.Query, args.Window(current, previous), version, cancellationToken);
                IReadOnlyList<SqlRow> previousRows = d.UsesPreviousWindow ? await cache.GetRowsAsync(d.Query, args.Window(previous, beforePrevious), version, cancellationToken) : [];
                var currentRow = await currentRows;
                return (Definition: d, Context: new MeasureContext(currentRow.Count > 0 ? currentRow[0] : null, previousRows.Count > 0 ? previousRows[0] : null));
            }));
        foreach (var (d, context) in recomputed)
        {
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

/// <summary>A KPI's value over one window and the measures it was computed from; <paramref name="NotForTeamScope"/>: undefined because it reads a company-wide input (spend).</summary>
public sealed record KpiValue(decimal? Value, IReadOnlyList<KpiInput> Inputs, bool NotForTeamScope = false);
