using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain.Tables;
using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Targets;

/// <summary>
/// Shapes the Sales targets page (KPIS.md §5) and the wall's targets view: the headline per team
/// in scope (attainment, pace, run-rate forecast against quota, status), the reps against quota,
/// the pipeline funnel by stage, win and loss rate and the sales cycle by month against a year
/// earlier. Everything comes from the catalog queries through the shared cache, at one version.
/// </summary>
public sealed class TargetsService(
    KpiService kpis, QueryCache cache, PeriodResolver periods, IDataVersionSource versions, IOptions<TargetsOptions> options)
{
    public const int Months = 12;

    /// <summary>The reps shown as bars at most (the leaderboard pages through all of them).</summary>
    public const int MaxRepBars = 200;

    /// <summary>The period the page opens on: the whole current month, the natural period of a monthly quota.</summary>
    public const DatePreset DefaultPreset = DatePreset.ThisMonth;

    /// <summary>The presets offered on the page: calendar months and quarters, and the year so far.</summary>
    public static IReadOnlyList<DatePreset> Presets { get; } =
        [DatePreset.ThisMonth, DatePreset.ThisQuarter, DatePreset.LastMonth, DatePreset.LastQuarter, DatePreset.YearToDate];

    public static IReadOnlyList<string> KpiIds { get; } =
    [
        "attainment", "pace", "run_rate_forecast", "forecast_attainment", "quota", "pipeline_coverage",
        "win_rate", "loss_rate", "sales_cycle_days", "pipeline", "weighted_pipeline", "activities_per_rep",
        "activities_per_rep_call", "activities_per_rep_email", "activities_per_rep_visit", "activities_per_rep_meeting",
    ];

    public KpiCatalog Catalog => kpis.Catalog;

    public async Task<TargetsData> GetAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default)
    {
        var version = await versions.GetCurrentAsync(cancellationToken);
        var resolved = periods.Resolve(filter);
        var period = resolved.Period;
        var args = Args(filter, scope, resolved);

        var boardTask = GetBoardAsync(filter, scope, version, cancellationToken);
        var reportTask = kpis.GetKpisAsync(filter, scope, KpiIds, version, cancellationToken);
        var sparklinesTask = kpis.GetMonthlySeriesAsync(filter, scope, KpiIds, Months, version, cancellationToken);
        var yearEarlier = filter.WithCustomRange(period.From.AddYears(-1), period.To.AddYears(-1));
        var earlierTask = kpis.GetMonthlySeriesAsync(yearEarlier, scope, ["win_rate", "loss_rate", "sales_cycle_days"], Months, version, cancellationToken);
        // Reps are drawn as bars only for a team or rep in focus; otherwise the page shows teams, and
        // the leaderboard grid pages through every rep itself.
        var focused = filter.Teams.Count == 1 || filter.Reps.Count == 1;
        var repsTask = focused
            ? cache.GetRowsAsync(TableCatalog.Leaderboard.Query, Leaderboard(args), version, cancellationToken)
            : Task.FromResult<IReadOnlyList<SqlRow>>([]);
        var stagesTask = cache.GetRowsAsync("targets/pipeline_by_stage", args, version, cancellationToken);
        await Task.WhenAll(boardTask, reportTask, sparklinesTask, earlierTask, repsTask, stagesTask);

        var sparklines = await sparklinesTask;
        var earlier = await earlierTask;
        KpiTrend Trend(string id) => new(kpis.Catalog.Get(id), sparklines[id], earlier[id]);
        var thresholds = options.Value;
        var reps = (await repsTask)
            .Select(r => TargetStanding.From(r, kpis.Catalog, thresholds, (int)r.GetInt64("team_id"), r.GetString("rep") ?? "", (int)r.GetInt64("rep_id")))
            .ToList();
        return new TargetsData(await boardTask, await reportTask, sparklines, reps, Stages(await stagesTask), [Trend("win_rate"), Trend("loss_rate")], Trend("sales_cycle_days"));
    }

    /// <summary>The headlines alone (the wall's targets view): two cached queries.</summary>
    public async Task<TeamBoard> GetBoardAsync(DashboardFilter filter, DataScope scope, DataVersionSnapshot? dataVersion = null, CancellationToken cancellationToken = default)
    {
        var version = dataVersion ?? await versions.GetCurrentAsync(cancellationToken);
        var resolved = periods.Resolve(filter);
        var args = Args(filter, scope, resolved);
        // kpi/attainment with the arguments KpiService uses for P, so the tiles share its row.
        var totalTask = cache.GetRowsAsync("kpi/attainment", args, version, cancellationToken);
        var pipelineTask = cache.GetRowsAsync("kpi/pipeline", args, version, cancellationToken);
        var teamsTask = cache.GetRowsAsync("targets/teams", args, version, cancellationToken);
        await Task.WhenAll(totalTask, pipelineTask, teamsTask);

        var thresholds = options.Value;
        var total = (await totalTask)[0];
        var pipeline = await pipelineTask;
        var calendar = new TargetCalendar((int)total.GetInt64("period_days"), (int)total.GetInt64("elapsed_days"), (int)total.GetInt64("days_left"));
        var totalRow = new SqlRow(total.Columns.Select(c => new KeyValuePair<string, object?>(c, total[c]))
            .Append(new("weighted_pipeline", pipeline.Count > 0 ? pipeline[0]["weighted_pipeline"] : 0m)));
        var teams = (await teamsTask)
            .Select(r => TargetStanding.From(r, kpis.Catalog, thresholds, (int)r.GetInt64("team_id"), r.GetString("name") ?? "", null))
            .ToList();
        return new TeamBoard(resolved, calendar, TargetStanding.From(totalRow, kpis.Catalog, thresholds, null, "", null), teams, version.Version);
    }

    /// <summary>The arguments of the page's queries for P: those KpiService reads P with, so shared queries hit the cache.</summary>
    private SqlArgs Args(DashboardFilter filter, DataScope scope, ResolvedPeriod resolved) =>
        QueryArgs.For(filter, scope).Monthly(false).AsOf(periods.Today).Window(resolved.Period, resolved.Comparison);

    private static SqlArgs Leaderboard(SqlArgs args)
    {
        var request = TableCatalog.Leaderboard.Request(null, null, 0, MaxRepBars);
        return args.With("sort", request.Sort).With("descending", request.Descending ? 1 : 0).With("offset", request.Offset).With("limit", request.Limit);
    }

    internal static IReadOnlyList<StagePipeline> Stages(IReadOnlyList<SqlRow> rows) =>
        [.. rows.Select(r =>
        {
            var stage = r.GetString("stage") ?? "";
            return new StagePipeline(stage, OpportunityStages.Label(stage), r.GetDecimal("probability") ?? 0, r.GetInt64("opportunities"),
                r.GetDecimal("pipeline") ?? 0, r.GetDecimal("weighted_pipeline") ?? 0);
        })];
}
