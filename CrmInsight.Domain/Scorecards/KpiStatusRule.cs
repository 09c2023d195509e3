using CrmInsight.Domain.Kpis;

namespace CrmInsight.Domain.Scorecards;

/// <summary>A KPI's target and thresholds on a scorecard: what its status is judged by.</summary>
public sealed record KpiStatusRule(ScorecardStandard Standard, decimal? Target, decimal AmberFrom, decimal GreenFrom)
{
    /// <summary>The target in force: the entered one, or for a historical standard the value of the same period last year.</summary>
    public decimal? TargetFor(decimal? lastYear) => Standard == ScorecardStandard.Historical ? lastYear : Target;

    public KpiStatus? Evaluate(decimal? actual, decimal? lastYear, KpiDirection direction) =>
        KpiScore.Status(KpiScore.Of(actual, TargetFor(lastYear), direction), AmberFrom, GreenFrom);
}

/// <summary>The status rules tiles are coloured by: the default scorecard's, by KPI id.</summary>
public interface IKpiStatusRules
{
    ValueTask<IReadOnlyDictionary<string, KpiStatusRule>> GetRulesAsync(CancellationToken cancellationToken = default);
}
