namespace CrmInsight.Domain.Scorecards;

/// <summary>What a scorecard KPI is measured against (KPIS.md §6; 历史标准、预算标准、行业标准、客观标准).</summary>
public enum ScorecardStandard
{
    /// <summary>A set target (the plan).</summary>
    Budget,

    /// <summary>The same period last year, computed live.</summary>
    Historical,

    /// <summary>An entered industry benchmark.</summary>
    Industry,

    /// <summary>A fixed value the KPI should reach.</summary>
    Objective,
}

public static class ScorecardStandards
{
    public static string DbName(this ScorecardStandard standard) => standard.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ScorecardStandard standard) =>
        Enum.TryParse(text, ignoreCase: true, out standard) && Enum.IsDefined(standard) && !int.TryParse(text, out _);
}
