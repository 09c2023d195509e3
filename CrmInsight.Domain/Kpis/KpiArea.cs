namespace CrmInsight.Domain.Kpis;

/// <summary>The five areas of KPIS.md that group tiles and pages.</summary>
public enum KpiArea
{
    Contribution,
    Retention,
    Satisfaction,
    Marketing,
    Sales,

    /// <summary>The CRM's own data quality (KPIS.md §7).</summary>
    DataHealth,
}
