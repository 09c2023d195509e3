using CrmInsight.Domain.Kpis;

namespace CrmInsight.Domain.Scorecards;

/// <summary>The scoring rules of KPIS.md §6, each written once.</summary>
public static class KpiScore
{
    public const decimal Cap = 150m;

    /// <summary>
    /// 100 × actual / target for a KPI where higher is better, 100 × target / actual where lower
    /// is better, capped to [0, 150]. Undefined (null) without an actual, without a positive
    /// target, or for a KPI with no direction. A lower-is-better KPI at or below zero has
    /// reached the best it can: the cap.
    /// </summary>
    public static decimal? Of(decimal? actual, decimal? target, KpiDirection direction)
    {
        if (actual is not { } a || target is not { } t || t <= 0 || direction == KpiDirection.Neutral)
        {
            return null;
        }
        if (direction == KpiDirection.LowerIsBetter && a <= 0)
        {
            return Cap;
        }
        var score = direction == KpiDirection.HigherIsBetter ? 100m * a / t : 100m * t / a;
        return Math.Clamp(score, 0m, Cap);
    }

    /// <summary>
    /// The grade band of a score as it is shown (one decimal): excellent ≥ 90, good 75–89,
    /// pass 60–74, fail below 60. Grading the shown number means "90.0 good" cannot happen.
    /// </summary>
    public static ScoreGrade? Grade(decimal? score) => score is not { } s ? null : Math.Round(s, 1, MidpointRounding.AwayFromZero) switch
    {
        >= 90m => ScoreGrade.Excellent,
        >= 75m => ScoreGrade.Good,
        >= 60m => ScoreGrade.Pass,
        _ => ScoreGrade.Fail,
    };

    /// <summary>Green from <paramref name="greenFrom"/>, amber from <paramref name="amberFrom"/>, red below; null without a score.</summary>
    public static KpiStatus? Status(decimal? score, decimal amberFrom, decimal greenFrom) =>
        score is not { } s ? null : s >= greenFrom ? KpiStatus.Green : s >= amberFrom ? KpiStatus.Amber : KpiStatus.Red;
}
