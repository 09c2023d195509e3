namespace CrmInsight.Domain.Rules;

/// <summary>A survey score's field and whole-number range.</summary>
public sealed record SurveyScale(string Field, int Min, int Max)
{
    public bool Contains(decimal value) => value >= Min && value <= Max && value == decimal.Truncate(value);
}

/// <summary>The survey scores and their ranges (KPIS.md §3), shared by import and ingest.</summary>
public static class SurveyScales
{
    public static readonly SurveyScale Csat = new("csat", 0, 100);

    public static readonly SurveyScale Rating = new("rating", 1, 10);

    public static readonly SurveyScale Recommend = new("recommend", 0, 10);

    public static readonly IReadOnlyList<SurveyScale> All = [Csat, Rating, Recommend];
}
