using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Kpis;

/// <summary>A KPI's value for the period, for the comparison period, and the change between them.
/// Undefined values (a zero denominator) are null, never 0.</summary>
public sealed record KpiResult(
    KpiDefinition Definition,
    decimal? Value,
    decimal? ComparisonValue,
    IReadOnlyList<KpiInput> Inputs,
    IReadOnlyList<KpiInput> ComparisonInputs,
    IReadOnlyList<DimensionKind> IgnoredFilters)
{
    public string Id => Definition.Id;

    /// <summary>Red, amber or green against the default scorecard's target and thresholds; null when the KPI is not on it.</summary>
    public Scorecards.KpiStatus? Status { get; init; }

    /// <summary>Undefined because the KPI reads a company-wide input a team scope does not get (spend).</summary>
    public bool NotForTeamScope { get; init; }

    public decimal? Change => (Value, ComparisonValue) switch
    {
        ({ } value, { } comparison) when Definition.ChangeKind == ChangeKind.Points => value - comparison,
        ({ } value, { } comparison) when comparison != 0 => (value - comparison) / Math.Abs(comparison),
        _ => null,
    };

    /// <summary>
    /// A change too small to show at the precision tiles use (0.1 % or 0.1 point, rounded) is
    /// flat: neither good nor bad news.
    /// </summary>
    public bool IsFlat => Change is not { } change || Math.Abs(change) < FlatTolerance;

    /// <summary>+1 when the change is good news, −1 when bad, 0 when flat, neutral or unknown.</summary>
    public int Sentiment => (Change, Definition.Direction) switch
    {
        (null, _) or (_, KpiDirection.Neutral) => 0,
        _ when IsFlat => 0,
        ({ } change, KpiDirection.HigherIsBetter) => Math.Sign(change),
        ({ } change, _) => -Math.Sign(change),
    };

    private decimal FlatTolerance => Definition.ChangeKind == ChangeKind.Points && Definition.Unit != KpiUnit.Fraction ? 0.05m : 0.0005m;
}

/// <summary>A KPI's value in one calendar month (sparklines).</summary>
/// <param name="Partial">The month is not over (the period ends inside it, or it is the current month): its value is "so far".</param>
public sealed record MonthlyPoint(DateOnly Month, decimal? Value, bool Partial = false);
