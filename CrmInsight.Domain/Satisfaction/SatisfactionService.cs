using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using static CrmInsight.Domain.Kpis.MeasureContext;

namespace CrmInsight.Domain.Satisfaction;

/// <summary>
/// Shapes the Satisfaction page (KPIS.md §3): the service KPIs, CSAT and NPS against a year
/// earlier, the CSAT and service-quality bands, service by channel, category and agent, and
/// the churned customers' service beside the retained ones'. One data version per load.
/// </summary>
public sealed class SatisfactionService(KpiService kpis, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    public const int Months = 12;

    public static IReadOnlyList<string> KpiIds { get; } =
    [
        "csat", "nps", "service_quality", "complaint_rate",
        "first_response_time", "first_response_time_p50", "first_response_time_p90",
        "resolution_time", "resolution_time_p50", "resolution_time_p90",
        "resolution_rate", "repeat_issue_rate", "call_wait_time", "call_talk_time",
    ];

    public static IReadOnlyList<string> TrendIds { get; } = ["csat", "nps"];

    public async Task<SatisfactionData> GetAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default)
    {
        var resolved = periods.Resolve(filter);
        var period = resolved.Period;
        var version = await versions.GetCurrentAsync(cancellationToken);
        // Every read starts at once: the engine runs them side by side on the cores it has.
        var reportTask = kpis.GetKpisAsync(filter, scope, KpiIds, version, cancellationToken);
        var sparklinesTask = kpis.GetMonthlySeriesAsync(filter, scope, KpiIds, Months, version, cancellationToken);
        var yearEarlier = filter.WithCustomRange(period.From.AddYears(-1), period.To.AddYears(-1));
        var comparisonTask = kpis.GetMonthlySeriesAsync(yearEarlier, scope, TrendIds, Months, version, cancellationToken);
        // The same arguments KpiService used for csat: the surveys row comes from the cache.
        var args = QueryArgs.For(filter, scope).Monthly(false).Window(period, resolved.Comparison);
        var surveysTask = cache.GetRowsAsync("kpi/surveys", args, version, cancellationToken);
        // One execution for the three dimensions (each row says its "dimension").
        var breakdownTask = cache.GetRowsAsync("satisfaction/by_dimension", args, version, cancellationToken);
        var groupsTask = cache.GetRowsAsync("satisfaction/churned_vs_retained", args, version, cancellationToken);
        await Task.WhenAll([reportTask, sparklinesTask, comparisonTask, surveysTask, groupsTask, breakdownTask]);

        var (report, sparklines, comparison, surveys, groups) = (await reportTask, await sparklinesTask, await comparisonTask, await surveysTask, await groupsTask);
        var trends = TrendIds.Select(id => new KpiTrend(kpis.Catalog.Get(id), sparklines[id], comparison[id])).ToList();
        var survey = surveys.Count > 0 ? surveys[0] : null;
        var byDimension = (await breakdownTask).ToLookup(r => ServiceDimensions.FromUrlName(r.GetString("dimension")));
        var breakdowns = ServiceDimensions.All.Select(d => new ServiceBreakdown(d, [.. byDimension[d].Select(Service)])).ToList();

        return new SatisfactionData(report, sparklines, trends, SurveyBands.Csat(survey), SurveyBands.Service(survey), breakdowns, ChurnedVsRetained(groups));
    }

    internal static ServiceRow Service(SqlRow row)
    {
        decimal Get(string column) => row.GetDecimal(column) ?? 0;
        decimal? Scaled(string column, string count, decimal unit) => Get(count) == 0 ? null : Get(column) / unit;
        var member = row.GetString("member") ?? "";
        return new ServiceRow(
            member,
            row.GetString("member_key") ?? member,
            row.GetInt64("tickets"),
            row.GetInt64("complaints"),
            Ratio(Get("response_seconds_total") / 60m, Get("responded")),
            Scaled("response_p50_seconds", "responded", 60m),
            Scaled("response_p90_seconds", "responded", 60m),
            Ratio(Get("resolution_seconds_total") / 3600m, Get("resolved")),
            Scaled("resolution_p50_seconds", "resolved", 3600m),
            Scaled("resolution_p90_seconds", "resolved", 3600m),
            Ratio(Get("resolved"), Get("tickets")),
            Ratio(Get("repeat_tickets"), Get("tickets")),
            Ratio(Get("wait_seconds_total"), Get("calls_waited")),
            Ratio(Get("talk_seconds_total"), Get("calls_talked")));
    }

    /// <summary>Churned first, then retained; a group with no customers is left out.</summary>
    internal static IReadOnlyList<GroupSatisfaction> ChurnedVsRetained(IReadOnlyList<SqlRow> rows) =>
        [.. rows.OrderBy(r => r.GetString("customer_group") == "churned" ? 0 : 1).Select(r =>
        {
            decimal Get(string column) => r.GetDecimal(column) ?? 0;
            return new GroupSatisfaction(
                r.GetString("customer_group") == "churned",
                r.GetInt64("customers"),
                Ratio(Get("csat_total"), Get("csat_responses")),
                Ratio(100m * (Get("promoters") - Get("detractors")), Get("nps_respondents")),
                r.GetInt64("tickets"),
                Ratio(Get("complaining_customers"), Get("customers")),
                Ratio(Get("response_seconds_total") / 60m, Get("responded")),
                Ratio(Get("resolution_seconds_total") / 3600m, Get("resolved")));
        })];
}
