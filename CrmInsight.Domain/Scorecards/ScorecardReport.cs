using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Scorecards;

/// <summary>Why a scorecard KPI has no score (it is then left out of the weighting).</summary>
public enum ScoreNote
{
    /// <summary>The KPI is not in this build's catalog (yet).</summary>
    NotAvailable,

    /// <summary>The actual is undefined for the filter (nothing to divide by).</summary>
    UndefinedActual,

    /// <summary>No target to measure against: a historical standard with no value last year.</summary>
    NoTarget,
}

/// <summary>One KPI of a scorecard for a filter: the inputs of its score (actual, target, standard, weight) and the score.</summary>
public sealed record ScorecardKpiScore(
    ScorecardKpi Kpi,
    KpiDefinition? Definition,
    decimal? Actual,
    decimal? Target,
    decimal? Score,
    KpiStatus? Status,
    decimal Weight,
    decimal? AppliedWeight,
    ScoreNote? Note,
    IReadOnlyList<KpiInput> Inputs);

/// <summary>A perspective's composite: Σ weight × score over its KPIs that have a score, the weights taken over those.</summary>
public sealed record PerspectiveScore(
    Perspective Perspective,
    decimal? Score,
    ScoreGrade? Grade,
    decimal Weight,
    decimal? AppliedWeight,
    GroupWeights KpiWeights,
    IReadOnlyList<ScorecardKpiScore> Kpis);

/// <summary>A scorecard for one filter and scope: per KPI, per perspective and overall, with the grade band.</summary>
public sealed record ScorecardReport(
    ScorecardDefinition Scorecard,
    ResolvedPeriod Period,
    long DataVersion,
    decimal? Score,
    ScoreGrade? Grade,
    GroupWeights PerspectiveWeights,
    IReadOnlyList<PerspectiveScore> Perspectives)
{
    /// <summary>The version snapshot read (the trend reads the same one).</summary>
    public DataVersionSnapshot? Snapshot { get; init; }

    public IEnumerable<ScorecardKpiScore> Kpis => Perspectives.SelectMany(p => p.Kpis);

    /// <summary>The KPIs whose status is red now, in scorecard order.</summary>
    public IReadOnlyList<ScorecardKpiScore> Red => [.. Kpis.Where(k => k.Status == KpiStatus.Red)];

    /// <summary>The perspective with the lowest score: the one dragging the total down.</summary>
    public PerspectiveScore? Weakest => Perspectives.Where(p => p.Score is not null).MinBy(p => p.Score);
}

/// <summary>The overall score of one calendar quarter (the last one only up to the period's end).</summary>
public sealed record ScoreTrendPoint(DateRange Quarter, decimal? Score, ScoreGrade? Grade);
