using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// Computes KPIs for a filter and scope from the catalog queries, through the shared cache.
/// A KPI's value reads its query for the period P (with P' as the previous window); its
/// comparison value is the same computation one step back (P', with P'').
/// </summary>
public sealed class KpiService(KpiCatalog catalog, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    public KpiCatalog Catalog => catalog;

    public async Task<KpiReport> GetKpisAsync(DashboardFilter filter, DataScope scope, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var definitions = ids.Select(catalog.Get).ToList();
        var resolved = periods.Resolve(filter);
        var version = await versions.GetCurrentAsync(cancellationToken);
        var baseArgs = QueryArgs.For(filter, scope).Monthly(false);

        // P, P', P'', P''' : each window is read with the one before it as its previous window.
        var windows = new List<DateRange> { resolved.Period };
        for (var i = 0; i < 3; i++)
        {
            windows.Add(windows[^1].ComparedWith(filter.Comparison));
        }

        var needed = definitions
            .SelectMany(d => Enumerable.Range(0, d.UsesPreviousWindow ? 3 : 2).Select(step => (d.Query, Step: step)))
            .Distinct()
            .ToList();
        var fetched = await Task.WhenAll(needed.Select(async n =>
        {
            var rows = await cache.GetRowsAsync(n.Query, baseArgs.Window(windows[n.Step], windows[n.Step + 1]), version, cancellationToken);
            return (n.Query, n.Step, Row: rows.Count > 0 ? rows[0] : null);
        }));
        var rowsByWindow = fetched.ToDictionary(f => (f.Query, f.Step), f => f.Row);

        var results = definitions.Select(d =>
        {
            var current = new MeasureContext(rowsByWindow[(d.Query, 0)], d.UsesPreviousWindow ? rowsByWindow[(d.Query, 1)] : null);
            var comparison = new MeasureContext(rowsByWindow[(d.Query, 1)], d.UsesPreviousWindow ? rowsByWindow[(d.Query, 2)] : null);
            var value = d.Compute(current);
            var comparisonValue = d.Compute(comparison);
            return new KpiResult(d, value, comparisonValue, current.Reads, comparison.Reads, d.IgnoredFilters(filter));
        }).ToList();

        return new KpiReport(resolved, results, version);
    }

    /// <summary>
    /// Each KPI month by month over the <paramref name="months"/> calendar months ending with
    /// the month of the period's last day (that month only up to the period's end). A month's
    /// previous window is the month before it.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MonthlyPoint>>> GetMonthlySeriesAsync(
        DashboardFilter filter, DataScope scope, IEnumerable<string> ids, int months = 12, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var definitions = ids.Select(catalog.Get).ToList();
        var period = periods.Resolve(filter).Period;
        var version = await versions.GetCurrentAsync(cancellationToken);

        var lastMonth = new DateOnly(period.LastDay.Year, period.LastDay.Month, 1);
        var firstMonth = lastMonth.AddMonths(-(months - 1));
        // One month more at the front, so the first month has a month before it.
        var fetch = new DateRange(firstMonth.AddMonths(-1), period.To);
        var monthBeforeFetch = new DateRange(fetch.From.AddMonths(-1), fetch.From);
        var args = QueryArgs.For(filter, scope).Window(fetch, monthBeforeFetch).Monthly(true);

        var queries = definitions.Select(d => d.MonthlyQuery ?? d.Query).Distinct().ToList();
        var fetched = await Task.WhenAll(queries.Select(async q => (Query: q, Rows: await cache.GetRowsAsync(q, args, version, cancellationToken))));
        var rowsByMonth = fetched.ToDictionary(
            f => f.Query,
            f => f.Rows.Where(r => r.GetDate("bucket") is not null).ToDictionary(r => r.GetDate("bucket")!.Value));

        var series = new Dictionary<string, IReadOnlyList<MonthlyPoint>>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in definitions)
        {
            var byMonth = rowsByMonth[d.MonthlyQuery ?? d.Query];
            series[d.Id] = [.. Enumerable.Range(0, months).Select(i =>
            {
                var month = firstMonth.AddMonths(i);
                var context = new MeasureContext(byMonth.GetValueOrDefault(month), byMonth.GetValueOrDefault(month.AddMonths(-1)));
                return new MonthlyPoint(month, d.Compute(context));
            })];
        }
        return series;
    }
}
