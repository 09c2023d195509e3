namespace CrmInsight.Domain.Kpis;

/// <summary>Which way is good news: a fall in churn is good, a fall in revenue is not.</summary>
public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}
