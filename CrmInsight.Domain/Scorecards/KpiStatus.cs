namespace CrmInsight.Domain.Scorecards;

/// <summary>A scorecard KPI's status: its score against the thresholds of its scorecard.</summary>
public enum KpiStatus
{
    Red,
    Amber,
    Green,
}
