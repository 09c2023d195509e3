using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Security;

/// <summary>
/// The rows a caller may see: all teams, or only some (a sales lead's teams, a key's teams), or
/// none. Set from the signed-in user or key by the host (one place: the host's principal scope),
/// never from the UI; every query over team-owned rows takes it as <c>@scope_all</c> /
/// <c>@scope_team_ids</c>, and every cache key carries it. <see cref="Nothing"/> is what an
/// unknown caller gets: the queries return no rows for it.
/// </summary>
public sealed record DataScope
{
    public static readonly DataScope All = new((IdSet?)null);

    /// <summary>No team at all: fail closed.</summary>
    public static readonly DataScope Nothing = new(IdSet.Empty);

    private DataScope(IdSet? teams) => Teams = teams;

    /// <summary>null means every team; empty means none.</summary>
    public IdSet? Teams { get; }

    public bool IsAll => Teams is null;

    public bool IsNothing => Teams is { IsEmpty: true };

    /// <summary>Whether a row owned by <paramref name="teamId"/> is visible.</summary>
    public bool Includes(int teamId) => Teams is null || Teams.Contains(teamId);

    /// <summary>Only <paramref name="teams"/>; an empty set is <see cref="Nothing"/>.</summary>
    public static DataScope ForTeams(IdSet teams) => teams.IsEmpty ? Nothing : new(teams);

    public override string ToString() => IsAll ? "all" : IsNothing ? "none" : $"teams:{Teams}";
}
