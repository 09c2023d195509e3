namespace CrmInsight.Domain.Targets;

/// <summary>Will a team make quota: where its run-rate forecast lands against quota (<see cref="TargetsOptions"/>).</summary>
public enum TargetStatus
{
    /// <summary>No quota in the period: attainment is undefined, so there is nothing to be ahead of.</summary>
    NoQuota,
    Ahead,
    OnTrack,
    AtRisk,
    Behind,
}
