using System.Globalization;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Scorecards;

namespace CrmInsight.Web.Api;

/// <summary>
/// The body of <c>GET /api/scorecard</c>. Scores are points (100 = on target, capped at 150),
/// weights fractions that add up to 1 within their group; "appliedWeight" is the weight after
/// items without a score left the weighting (null for those). Undefined values are null.
/// </summary>
public sealed record ScorecardResponse(
    ScorecardResponse.ScorecardRef Scorecard,
    string From,
    string To,
    long DataVersion,
    decimal? Score,
    string? Grade,
    ScorecardResponse.Weighting Weights,
    IReadOnlyList<ScorecardResponse.PerspectiveValue> Perspectives,
    IReadOnlyList<ScorecardResponse.TrendValue> Trend)
{
    public static ScorecardResponse Of(ScorecardReport report, IReadOnlyList<ScoreTrendPoint> trend)
    {
        var culture = CultureInfo.CurrentUICulture;
        return new ScorecardResponse(
            new ScorecardRef(report.Scorecard.Id, report.Scorecard.Name),
            Date(report.Period.Period.From),
            Date(report.Period.Period.To),
            report.DataVersion,
            report.Score,
            GradeName(report.Grade),
            Weighting.From(report.PerspectiveWeights),
            [.. report.Perspectives.Select(p => new PerspectiveValue(
                p.Perspective.Key(),
                p.Perspective.Name().For(culture),
                p.Score,
                GradeName(p.Grade),
                p.Weight,
                p.AppliedWeight,
                Weighting.From(p.KpiWeights),
                [.. p.Kpis.Select(k => new KpiValue(
                    k.Kpi.KpiId,
                    k.Definition?.Name.For(culture),
                    k.Definition?.Unit.ApiName(),
                    k.Actual,
                    k.Target,
                    k.Kpi.Standard.DbName(),
                    k.Score,
                    k.Status?.ToString().ToLowerInvariant(),
                    k.Weight,
                    k.AppliedWeight,
                    NoteName(k.Note)))]))],
            [.. trend.Select(t => new TrendValue(Date(t.Quarter.From), Date(t.Quarter.To), t.Score, GradeName(t.Grade)))]);
    }

    public static string? GradeName(ScoreGrade? grade) => grade?.ToString().ToLowerInvariant();

    private static string? NoteName(ScoreNote? note) => note switch
    {
        ScoreNote.NotAvailable => "not_available",
        ScoreNote.UndefinedActual => "undefined_actual",
        ScoreNote.NoTarget => "no_target",
        _ => null,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed record ScorecardRef(int Id, string Name);

    /// <summary>How a group is weighted: "ahp" with its consistency, or "direct"; usesFallback: equal weights because the comparisons are inconsistent (or no weight was entered).</summary>
    public sealed record Weighting(string Mode, double? LambdaMax, double? Cr, bool? Consistent, bool UsesFallback)
    {
        public static Weighting From(GroupWeights weights) => new(
            weights.Mode == WeightingMode.Direct ? "direct" : "ahp",
            weights.Ahp?.LambdaMax,
            weights.Ahp?.ConsistencyRatio,
            weights.Ahp?.IsConsistent,
            weights.UsesFallback);
    }

    public sealed record PerspectiveValue(
        string Id, string Name, decimal? Score, string? Grade, decimal Weight, decimal? AppliedWeight, Weighting Weights, IReadOnlyList<KpiValue> Kpis);

    /// <param name="Note">Why there is no score: not_available (not in this build's catalog), undefined_actual, no_target.</param>
    public sealed record KpiValue(
        string Id, string? Name, string? Unit, decimal? Actual, decimal? Target, string Standard, decimal? Score, string? Status,
        decimal Weight, decimal? AppliedWeight, string? Note);

    /// <summary>One calendar quarter; "to" is exclusive.</summary>
    public sealed record TrendValue(string From, string To, decimal? Score, string? Grade);
}
