using CrmInsight.Domain.Kpis;

namespace CrmInsight.Domain.Retention;

/// <summary>A monthly cohort: its size and, for each month since its first, the share of it that bought (null: that month has not come yet).</summary>
public sealed record CohortRow(DateOnly Cohort, long Size, IReadOnlyList<decimal?> Retention);

/// <summary>A KPI month by month, and the same months one year earlier.</summary>
public sealed record KpiTrend(KpiDefinition Definition, IReadOnlyList<MonthlyPoint> Current, IReadOnlyList<MonthlyPoint> Comparison);

/// <summary>
/// A month's revenue by who bought, and the total of the same month a year earlier (the same days
/// of it when the month is <paramref name="Partial"/>: not over yet, or cut by the period's end).
/// </summary>
public sealed record RevenueMix(DateOnly Month, decimal New, decimal Returning, decimal Anonymous, decimal ComparisonTotal, bool Partial = false)
{
    public decimal Total => New + Returning + Anonymous;
}

public sealed record RetentionData(
    KpiReport Kpis,
    IReadOnlyDictionary<string, IReadOnlyList<MonthlyPoint>> Sparklines,
    IReadOnlyList<CohortRow> Cohorts,
    IReadOnlyList<KpiTrend> Trends,
    IReadOnlyList<RevenueMix> Mix);
