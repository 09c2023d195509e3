namespace CrmInsight.Domain.Filters;

/// <summary>A filter read from a URL, with what had to be ignored on the way.</summary>
public sealed record FilterParseResult(DashboardFilter Filter, IReadOnlyList<FilterProblem> Problems)
{
    public bool IsClean => Problems.Count == 0;
}
