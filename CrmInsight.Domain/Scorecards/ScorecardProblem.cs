namespace CrmInsight.Domain.Scorecards;

/// <summary>Why a scorecard (or an edit of one) cannot be saved: the field and a message (a resource key with its values).</summary>
public sealed record ScorecardProblem(string Field, LocalizedText Message);

/// <summary>A save that was refused; nothing was written.</summary>
public sealed class ScorecardRejectedException(IReadOnlyList<ScorecardProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ScorecardProblem> Problems => problems;
}
