using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Security;

/// <summary>Refuses a user or key limited to teams that do not exist (a typo would otherwise limit it to nothing, silently).</summary>
public static class TeamCheck
{
    /// <returns>The ids of <paramref name="teams"/> that are not teams.</returns>
    public static async Task<IdSet> UnknownAsync(QueryRunner runner, IdSet teams, CancellationToken cancellationToken = default)
    {
        if (teams.IsEmpty)
        {
            return IdSet.Empty;
        }
        var known = (await runner.QueryRowsAsync("dimensions/team_ids", SqlArgs.Empty.With("team_ids", teams.ToList()), cancellationToken))
            .Select(r => (int)r.GetInt64("team_id"));
        return IdSet.Of(teams.Except(known));
    }
}
