using System.Collections.Concurrent;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Scorecards;

/// <summary>
/// Scores a scorecard for a filter and scope (KPIS.md §6): each KPI against its target, each
/// perspective and the whole as weighted sums, and the overall score of the last eight quarters.
/// The KPI values come from <see cref="KpiService"/> through the shared cache, so the scorecard
/// shows the numbers the tiles show.
/// </summary>
public sealed class ScorecardService(
    KpiService kpis, ScorecardStore store, PeriodResolver periods, IDataVersionSource versions, TimeProvider time, IOptions<ScorecardOptions> options)
{
    public const int TrendQuarters = 8;

    // Trends by scorecard (and its last change), filter, scope and day: one computation shared by
    // every viewer and kept for ScorecardOptions.TrendRefresh.
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Task<IReadOnlyList<ScoreTrendPoint>> Points)> _trends = new(StringComparer.Ordinal);

    /// <summary>The scorecard <paramref name="scorecardId"/> (the default one when null) scored for the filter; null when there is no such scorecard.</summary>
    public async Task<ScorecardReport?> GetAsync(
        DashboardFilter filter, DataScope scope, int? scorecardId = null, DataVersionSnapshot? dataVersion = null, CancellationToken cancellationToken = default)
    {
        var scorecard = await store.GetAsync(scorecardId, cancellationToken);
        if (scorecard is null)
        {
            return null;
        }
        var resolved = periods.Resolve(filter);
        var version = dataVersion ?? await versions.GetCurrentAsync(cancellationToken);
        var (actuals, lastYear) = await ReadAsync(scorecard, filter, scope, resolved.Period, version, cancellationToken);
        return Compose(scorecard, kpis.Catalog, resolved, version.Version, actuals, lastYear) with { Snapshot = version };
    }

    /// <summary>
    /// The overall score of each of the <see cref="TrendQuarters"/> calendar quarters ending with
    /// the quarter of the period's last day (that one only up to the period's end). Worked out
    /// at most once per <see cref="ScorecardOptions.TrendRefresh"/> for a scorecard, filter and
    /// scope, whatever the data version (see there why).
    /// </summary>
    public async Task<IReadOnlyList<ScoreTrendPoint>> GetTrendAsync(
        DashboardFilter filter, DataScope scope, int? scorecardId = null, DataVersionSnapshot? dataVersion = null, CancellationToken cancellationToken = default)
    {
        var scorecard = await store.GetAsync(scorecardId, cancellationToken);
        if (scorecard is null)
        {
            return [];
        }
        var key = $"{scorecard.Id}|{scorecard.UpdatedAt.Ticks}|{FilterQueryString.Format(filter)}|{filter.Comparison}|{scope}|{periods.Today:yyyyMMdd}";
        var now = time.GetUtcNow();
        var refresh = options.Value.TrendRefresh;
        if (!_trends.TryGetValue(key, out var entry) || now - entry.At >= refresh || entry.Points.IsFaulted || entry.Points.IsCanceled)
        {
            foreach (var old in _trends.Where(t => now - t.Value.At >= refresh).Select(t => t.Key).ToList())
            {
                _trends.TryRemove(old, out _);
            }
            // Shared by whoever asks meanwhile, so one viewer leaving does not cancel it for the others.
            var version = dataVersion ?? await versions.GetCurrentAsync(cancellationToken);
            entry = _trends.AddOrUpdate(key, _ => (now, ComputeTrendAsync(scorecard, filter, scope, version)),
                (_, current) => now - current.At >= refresh || current.Points.IsFaulted || current.Points.IsCanceled ? (now, ComputeTrendAsync(scorecard, filter, scope, version)) : current);
        }
        return await entry.Points.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ScoreTrendPoint>> ComputeTrendAsync(ScorecardDefinition scorecard, DashboardFilter filter, DataScope scope, DataVersionSnapshot version)
    {
        var resolved = periods.Resolve(filter);
        return await Task.WhenAll(Quarters(resolved.Period, TrendQuarters).Select(async quarter =>
        {
            var (actuals, lastYear) = await ReadAsync(scorecard, filter, scope, quarter, version, CancellationToken.None);
            var report = Compose(scorecard, kpis.Catalog, resolved with { Period = quarter }, version.Version, actuals, lastYear);
            return new ScoreTrendPoint(quarter, report.Score, report.Grade);
        }));
    }

    /// <summary>The calendar quarters ending with the one that holds the period's last day, that one cut at the period's end.</summary>
    public static IReadOnlyList<DateRange> Quarters(DateRange period, int count)
    {
        var last = period.LastDay;
        var lastStart = new DateOnly(last.Year, ((last.Month - 1) / 3 * 3) + 1, 1);
        return [.. Enumerable.Range(0, count).Reverse().Select(back =>
        {
            var start = lastStart.AddMonths(-3 * back);
            return new DateRange(start, back == 0 ? period.To : start.AddMonths(3));
        })];
    }

    private async Task<(IReadOnlyDictionary<string, KpiValue> Actuals, IReadOnlyDictionary<string, KpiValue> LastYear)> ReadAsync(
        ScorecardDefinition scorecard, DashboardFilter filter, DataScope scope, DateRange window, DataVersionSnapshot version, CancellationToken cancellationToken)
    {
        var available = scorecard.Kpis.Where(k => kpis.Catalog.TryGet(k.KpiId, out _)).ToList();
        var historical = available.Where(k => k.Standard == ScorecardStandard.Historical).Select(k => k.KpiId).ToList();
        var actuals = kpis.GetValuesAsync(filter, scope, available.Select(k => k.KpiId), window, version, cancellationToken);
        var lastYear = historical.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<string, KpiValue>>(new Dictionary<string, KpiValue>())
            : kpis.GetValuesAsync(filter, scope, historical, window.ComparedWith(ComparisonMode.SamePeriodLastYear), version, cancellationToken);
        return (await actuals, await lastYear);
    }

    /// <summary>The scores from the KPI values: the arithmetic of KPIS.md §6, with no database.</summary>
    public static ScorecardReport Compose(
        ScorecardDefinition scorecard,
        KpiCatalog catalog,
        ResolvedPeriod period,
        long dataVersion,
        IReadOnlyDictionary<string, KpiValue> actuals,
        IReadOnlyDictionary<string, KpiValue> lastYear)
    {
        var perspectiveWeights = GroupWeights.For(scorecard, ScorecardDefinition.PerspectivesGroup);
        var perspectives = Perspectives.All.Select(perspective =>
        {
            var weights = GroupWeights.For(scorecard, perspective.Key());
            var scored = scorecard.KpisOf(perspective).Select(k => ScoreKpi(k, catalog, actuals, lastYear, weights.WeightOf(k.KpiId))).ToList();
            var (applied, score) = Weighted([.. scored.Select(s => (s.Weight, s.Score))]);
            var kpiScores = scored.Select((s, i) => s with { AppliedWeight = applied[i] }).ToList();
            return new PerspectiveScore(perspective, score, KpiScore.Grade(score), perspectiveWeights.WeightOf(perspective.Key()), null, weights, kpiScores);
        }).ToList();
        var (perspectiveApplied, total) = Weighted([.. perspectives.Select(p => (p.Weight, p.Score))]);
        perspectives = [.. perspectives.Select((p, i) => p with { AppliedWeight = perspectiveApplied[i] })];
        return new ScorecardReport(scorecard, period, dataVersion, total, KpiScore.Grade(total), perspectiveWeights, perspectives);
    }

    private static ScorecardKpiScore ScoreKpi(
        ScorecardKpi kpi, KpiCatalog catalog, IReadOnlyDictionary<string, KpiValue> actuals, IReadOnlyDictionary<string, KpiValue> lastYear, decimal weight)
    {
        if (!catalog.TryGet(kpi.KpiId, out var definition))
        {
            return new ScorecardKpiScore(kpi, null, null, kpi.Target, null, null, weight, null, ScoreNote.NotAvailable, []);
        }
        var actual = actuals.GetValueOrDefault(kpi.KpiId);
        var target = kpi.Rule.TargetFor(lastYear.GetValueOrDefault(kpi.KpiId)?.Value);
        var score = KpiScore.Of(actual?.Value, target, definition.Direction);
        var note = actual?.Value is null ? ScoreNote.UndefinedActual : target is not > 0 ? ScoreNote.NoTarget : (ScoreNote?)null;
        return new ScorecardKpiScore(kpi, definition, actual?.Value, target, score, KpiScore.Status(score, kpi.AmberFrom, kpi.GreenFrom),
            weight, null, note, actual?.Inputs ?? []);
    }

    /// <summary>
    /// Σ wᵢ·sᵢ / Σ wᵢ over the items that have a score: an undefined score leaves the weighting and
    /// the others' weights grow in proportion. The weights as applied (null for the items left out), and the total.
    /// </summary>
    private static (IReadOnlyList<decimal?> Applied, decimal? Total) Weighted(IReadOnlyList<(decimal Weight, decimal? Score)> items)
    {
        var weightOfScored = items.Where(i => i.Score is not null).Sum(i => i.Weight);
        if (weightOfScored <= 0)
        {
            return ([.. items.Select(_ => (decimal?)null)], null);
        }
        var applied = items.Select(i => i.Score is null ? (decimal?)null : i.Weight / weightOfScored).ToList();
        var total = items.Select((i, n) => i.Score is { } s ? applied[n]!.Value * s : 0m).Sum();
        return (applied, total);
    }
}
