using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Security;

/// <summary>
/// The rows a caller may see: all teams, or only the teams they lead. Set from the signed-in
/// user by the host, never from the UI; every query over team-owned rows takes it as
/// <c>@scope_all</c> / <c>@scope_team_ids</c>.
/// </summary>
public sealed record DataScope
{
    public static readonly DataScope All = new((IdSet?)null);

    private DataScope(IdSet? teams) => Teams = teams;

    /// <summary>null means every team.</summary>
    public IdSet? Teams { get; }

    public bool IsAll => Teams is null;

    public static DataScope ForTeams(IdSet teams) => new(teams);

    public override string ToString() => IsAll ? "all" : $"teams:{Teams}";
}
