namespace CrmInsight.Domain.Kpis;

/// <summary>A number that went into a KPI: a measure of the period, or of the period before it.</summary>
public sealed record KpiInput(string Measure, decimal Value, bool FromPreviousWindow)
{
    public LocalizedText Label => MeasureLabels.For(Measure);
}
