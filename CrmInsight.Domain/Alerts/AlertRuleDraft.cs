namespace CrmInsight.Domain.Alerts;

/// <summary>What an editor fills in for a rule; the store checks it against the editor's scope.</summary>
public sealed record AlertRuleDraft(
    string Name,
    string KpiId,
    AlertComparison Comparison,
    decimal Threshold,
    int Sustain,
    string FilterQuery,
    IReadOnlyList<int>? Teams,
    bool Enabled = true);

/// <summary>
/// Why a rule cannot be saved, by field, by resource key; <paramref name="OutsideScope"/> when it
/// reaches for rows outside the editor's teams (the API answers that with 403, as it does a filter).
/// </summary>
public sealed record AlertProblem(string Field, LocalizedText Message, bool OutsideScope = false);

/// <summary>A save that was refused; nothing was written.</summary>
public sealed class AlertRejectedException(IReadOnlyList<AlertProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<AlertProblem> Problems => problems;
}
