namespace CrmInsight.Domain.Scorecards;

/// <summary>The grade band of a composite score (KPIS.md §6).</summary>
public enum ScoreGrade
{
    /// <summary>Below 60.</summary>
    Fail,

    /// <summary>60 to 74.</summary>
    Pass,

    /// <summary>75 to 89.</summary>
    Good,

    /// <summary>90 and above.</summary>
    Excellent,
}
