namespace CrmInsight.Domain.Kpis;

/// <summary>The five areas of KPIS.md that group tiles and pages.</summary>
public enum KpiArea
{
    Contribution,
    Retention,
    Satisfaction,
    Marketing,
    Sales,
}
