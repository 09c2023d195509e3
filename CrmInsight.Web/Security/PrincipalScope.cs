using System.Globalization;
using System.Security.Claims;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;

namespace CrmInsight.Web.Security;

/// <summary>
/// The one place a signed-in user or key becomes the rows it may see. Pages, grids, the wall,
/// the customer page, exports and the API all ask here; nothing takes a scope from the URL or the
/// UI. Fails closed: no principal, an unknown role, a sales lead without teams or a team claim
/// that is not a number all give <see cref="DataScope.Nothing"/>.
/// </summary>
public static class PrincipalScope
{
    public static DataScope For(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return DataScope.Nothing;
        }
        if (Roles.AllTeamRoles.Any(principal.IsInRole))
        {
            return DataScope.All;
        }
        var isKey = Roles.KeyRoles.Any(principal.IsInRole);
        if (!isKey && !principal.IsInRole(Roles.SalesLead))
        {
            return DataScope.Nothing;
        }
        if (isKey && principal.HasClaim(CrmClaims.AllTeams, "true"))
        {
            return DataScope.All;
        }
        var teams = new List<int>();
        foreach (var claim in principal.FindAll(CrmClaims.Team))
        {
            if (!int.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var team))
            {
                return DataScope.Nothing;
            }
            teams.Add(team);
        }
        return DataScope.ForTeams(IdSet.Of(teams));
    }

    /// <summary>The claims that give a key its scope: its teams, or "all teams" when it has none.</summary>
    public static IEnumerable<Claim> ClaimsFor(AccessKey key) =>
        key.Teams.IsEmpty
            ? [new Claim(CrmClaims.AllTeams, "true")]
            : key.Teams.Select(t => new Claim(CrmClaims.Team, t.ToString(CultureInfo.InvariantCulture)));
}
