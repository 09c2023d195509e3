using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;

namespace CrmInsight.Domain.Alerts;

/// <summary>Which side of the threshold breaches.</summary>
public enum AlertComparison
{
    Above,
    Below,
}

public enum AlertEventKind
{
    Fired,
    Cleared,
}

/// <summary>
/// An alert on one KPI for a filter and team scope: it breaches when the value is above (or
/// below) the threshold, and fires once it has breached <see cref="Sustain"/> evaluations in a
/// row; it clears at the first evaluation that does not breach. Its state is stored with it.
/// </summary>
public sealed record AlertRule
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public required string KpiId { get; init; }

    public AlertComparison Comparison { get; init; }

    public decimal Threshold { get; init; }

    public int Sustain { get; init; } = 1;

    /// <summary>The dashboard filter as a URL query string ("period=mtd&amp;region=1"; empty: the defaults).</summary>
    public string FilterQuery { get; init; } = "";

    /// <summary>null: every team; else only these teams (a sales lead's rule).</summary>
    public IdSet? ScopeTeams { get; init; }

    public bool Enabled { get; init; } = true;

    public string? CreatedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    public int Breaches { get; init; }

    public bool IsFiring { get; init; }

    public decimal? LastValue { get; init; }

    public long? EvaluatedVersion { get; init; }

    public DateTime? EvaluatedAt { get; init; }

    public DataScope Scope => ScopeTeams is null ? DataScope.All : DataScope.ForTeams(ScopeTeams);

    public bool IsBreachedBy(decimal value) => Comparison == AlertComparison.Above ? value > Threshold : value < Threshold;

    /// <summary>
    /// The rule after one evaluation that read <paramref name="value"/>, and the event it causes.
    /// An undefined value (nothing to divide by) says nothing either way: the state stays.
    /// </summary>
    public (AlertRule Next, AlertEventKind? Event) Evaluate(decimal? value)
    {
        if (value is not { } v)
        {
            return (this with { LastValue = null }, null);
        }
        if (!IsBreachedBy(v))
        {
            return (this with { Breaches = 0, IsFiring = false, LastValue = v }, IsFiring ? AlertEventKind.Cleared : null);
        }
        var breaches = Breaches + 1;
        var fires = !IsFiring && breaches >= Sustain;
        return (this with { Breaches = breaches, IsFiring = IsFiring || fires, LastValue = v }, fires ? AlertEventKind.Fired : null);
    }

    /// <summary>Whether a viewer of <paramref name="scope"/> may see (and, with the edit policy, change) this rule: theirs are the rules within their teams.</summary>
    public bool IsWithin(DataScope scope) =>
        scope.IsAll || (ScopeTeams is { } teams && teams.All(t => scope.Teams!.Contains(t)));
}

/// <summary>A firing or clearing as recorded (rule name, KPI, side and scope copied from the rule at that moment).</summary>
public sealed record AlertEvent(
    long Id,
    int RuleId,
    string RuleName,
    string KpiId,
    AlertComparison Comparison,
    IdSet? ScopeTeams,
    AlertEventKind Kind,
    decimal? Value,
    decimal Threshold,
    long DataVersion,
    DateTime OccurredAt);
