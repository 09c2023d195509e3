namespace CrmInsight.Domain.Kpis;

/// <summary>Which dates a KPI's query reads for a period P.</summary>
public enum KpiWindow
{
    /// <summary>P itself, with the comparison period before it as the previous window.</summary>
    Period,

    /// <summary>
    /// The twelve months ending where P ends, with the twelve months before them: for annual
    /// estimates (clv) that a short period would make meaningless.
    /// </summary>
    TrailingYear,
}
