using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.DataHealth;

/// <summary>
/// The Data health page: the three KPIs of KPIS.md §7, completeness per field and freshness and
/// update rate per table. The breakdowns are the same query rows the KPIs are computed from
/// (same arguments, so the same cache entries): the page and the tiles cannot disagree.
/// </summary>
public sealed class DataHealthService(KpiService kpis, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    public static IReadOnlyList<string> KpiIds { get; } = ["data_completeness", "identified_order_share", "freshness", "update_rate"];

    /// <summary>The fields of a customer record, as kpi/data_completeness counts them (with_&lt;field&gt;).</summary>
    public static IReadOnlyList<string> Fields { get; } = ["name", "region", "segment", "contact", "email", "phone"];

    public async Task<DataHealthData> GetAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default)
    {
        var version = await versions.GetCurrentAsync(cancellationToken);
        var report = kpis.GetKpisAsync(filter, scope, KpiIds, version, cancellationToken);
        var resolved = periods.Resolve(filter);
        var asOf = periods.AsOfUtc(resolved.Period);
        var args = QueryArgs.For(filter, scope).Monthly(false).Window(resolved.Period, resolved.Comparison).MeasuredAt(asOf);
        var completeness = cache.GetRowsAsync("kpi/data_completeness", args, version, cancellationToken);
        var writes = cache.GetRowsAsync("kpi/data_writes", args, version, cancellationToken);

        var customerRow = (await completeness) is [var c, ..] ? c : null;
        var customers = customerRow?.GetInt64("customers") ?? 0;
        var fields = Fields.Select(f => new FieldCompleteness(f, customerRow?.GetInt64($"with_{f}") ?? 0, customers)).ToList();
        var overall = new FieldCompleteness("all", customerRow?.GetInt64("complete_customers") ?? 0, customers);

        var writeRow = (await writes) is [var w, ..] ? w : null;
        var tables = KpiCatalog.DataTables.Select(t => new TableWrites(
            t,
            writeRow?.GetInt64($"{t}_records") ?? 0,
            writeRow?.GetInt64($"{t}_recent") ?? 0,
            writeRow?.GetDecimal($"{t}_age_seconds") is { } age ? (long)age : null)).ToList();
        return new DataHealthData(await report, asOf, overall, fields, tables);
    }
}
