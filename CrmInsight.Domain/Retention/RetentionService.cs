using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Retention;

/// <summary>
/// Shapes the Retention page (KPIS.md §2): cohorts, monthly retention, churn, repurchase and
/// customer growth against the year before, revenue from new and returning customers.
/// Everything monthly covers the twelve calendar months up to the period's end.
/// </summary>
public sealed class RetentionService(KpiService kpis, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    public const int Months = 12;

    public static IReadOnlyList<string> KpiIds { get; } =
        ["retention_rate", "churn_rate", "repurchase_rate", "winback_rate", "new_customers", "customer_growth", "lead_conversion", "active_customers"];

    public static IReadOnlyList<string> TrendIds { get; } = ["retention_rate", "churn_rate", "repurchase_rate", "customer_growth"];

    public async Task<RetentionData> GetAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default)
    {
        var period = periods.Resolve(filter).Period;
        var version = await versions.GetCurrentAsync(cancellationToken);
        // Every read starts at once: the engine runs them side by side on the cores it has.
        var reportTask = kpis.GetKpisAsync(filter, scope, KpiIds, version, cancellationToken);
        var sparklinesTask = kpis.GetMonthlySeriesAsync(filter, scope, KpiIds, Months, version, cancellationToken);
        var yearEarlier = filter.WithCustomRange(period.From.AddYears(-1), period.To.AddYears(-1));
        var comparisonTask = kpis.GetMonthlySeriesAsync(yearEarlier, scope, TrendIds, Months, version, cancellationToken);
        var window = period.TrailingMonths(Months);
        var args = QueryArgs.For(filter, scope);
        var cohortsTask = cache.GetRowsAsync("retention/cohorts", args.Window(window, window), version, cancellationToken);
        var lastYear = new DateRange(window.From.AddYears(-1), window.To.AddYears(-1));
        var mixTask = cache.GetRowsAsync("retention/new_vs_returning", args.Window(window, window), version, cancellationToken);
        var mixBeforeTask = cache.GetRowsAsync("retention/new_vs_returning", args.Window(lastYear, lastYear), version, cancellationToken);
        await Task.WhenAll(reportTask, sparklinesTask, comparisonTask, cohortsTask, mixTask, mixBeforeTask);

        var (sparklines, comparison) = (await sparklinesTask, await comparisonTask);
        var trends = TrendIds.Select(id => new KpiTrend(kpis.Catalog.Get(id), sparklines[id], comparison[id])).ToList();
        return new RetentionData(await reportTask, sparklines, Cohorts(await cohortsTask, window), trends, Mix(await mixTask, await mixBeforeTask, window, periods.Today));
    }

    internal static IReadOnlyList<CohortRow> Cohorts(IReadOnlyList<SqlRow> rows, DateRange window)
    {
        var lastMonth = new DateOnly(window.LastDay.Year, window.LastDay.Month, 1);
        return [.. rows.GroupBy(r => r.GetDate("cohort")!.Value).OrderBy(g => g.Key).Select(g =>
        {
            var active = g.ToDictionary(r => (int)r.GetInt64("months_since"), r => r.GetInt64("customers"));
            var size = active.GetValueOrDefault(0);
            var available = ((lastMonth.Year - g.Key.Year) * 12) + lastMonth.Month - g.Key.Month;
            return new CohortRow(g.Key, size, [.. Enumerable.Range(0, Months).Select(k =>
                k > available ? (decimal?)null : MeasureContext.Ratio(active.GetValueOrDefault(k), size))]);
        })];
    }

    internal static IReadOnlyList<RevenueMix> Mix(IReadOnlyList<SqlRow> rows, IReadOnlyList<SqlRow> before, DateRange window, DateOnly today)
    {
        var byMonth = rows.ToDictionary(r => r.GetDate("bucket")!.Value);
        var beforeByMonth = before.ToDictionary(r => r.GetDate("bucket")!.Value);
        return [.. Enumerable.Range(0, Months).Select(i =>
        {
            var month = window.From.AddMonths(i);
            var row = byMonth.GetValueOrDefault(month);
            var earlier = beforeByMonth.GetValueOrDefault(month.AddYears(-1));
            return new RevenueMix(
                month,
                row?.GetDecimal("new_revenue") ?? 0,
                row?.GetDecimal("returning_revenue") ?? 0,
                row?.GetDecimal("anonymous_revenue") ?? 0,
                earlier is null ? 0 : (earlier.GetDecimal("new_revenue") ?? 0) + (earlier.GetDecimal("returning_revenue") ?? 0) + (earlier.GetDecimal("anonymous_revenue") ?? 0),
                PartialBucket.Is(month, month.AddMonths(1), window, today));
        })];
    }
}
