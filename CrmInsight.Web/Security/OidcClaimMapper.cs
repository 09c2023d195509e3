using System.Globalization;
using System.Security.Claims;
using CrmInsight.Domain.Security;

namespace CrmInsight.Web.Security;

/// <summary>
/// Turns the identity provider's principal into the product's: its subject, a display name,
/// the product roles whose mapped value (<c>Auth:OpenIdConnect:Roles</c>, else the role's own
/// name) appears in the role claim, and the team ids of the team claim. Anything unmapped is
/// dropped, so a provider user with no mapped role gets no role and sees nothing.
/// </summary>
public static class OidcClaimMapper
{
    public static ClaimsPrincipal Map(ClaimsPrincipal external, OpenIdConnectSettings settings)
    {
        var subject = external.FindFirstValue("sub") ?? external.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = external.FindFirstValue(settings.NameClaim) ?? external.FindFirstValue("preferred_username") ?? subject;
        var values = external.FindAll(settings.RoleClaim)
            .SelectMany(c => c.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "oidc:" + subject),
            new(ClaimTypes.Name, name),
            new(CrmClaims.Source, CrmClaims.OidcSource),
        };
        foreach (var role in Roles.UserRoles)
        {
            var mapped = settings.Roles.FirstOrDefault(r => string.Equals(r.Key, role, StringComparison.OrdinalIgnoreCase)).Value ?? role;
            if (values.Contains(mapped))
            {
                claims.Add(new Claim(ClaimTypes.Role, role));
            }
        }
        foreach (var team in external.FindAll(settings.TeamClaim).SelectMany(c => c.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (int.TryParse(team, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                claims.Add(new Claim(CrmClaims.Team, id.ToString(CultureInfo.InvariantCulture)));
            }
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.OpenIdConnect, ClaimTypes.Name, ClaimTypes.Role));
    }
}
