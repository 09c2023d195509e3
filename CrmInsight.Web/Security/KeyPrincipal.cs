using System.Globalization;
using System.Security.Claims;
using CrmInsight.Domain.Security;

namespace CrmInsight.Web.Security;

/// <summary>The principal a key signs in as: its role by kind, its id and its scope claims.</summary>
public static class KeyPrincipal
{
    public static ClaimsPrincipal For(AccessKey key, string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, UserSessions.KeyPrincipalId(key.Id)),
            new Claim(ClaimTypes.Name, $"{key.Name} (key #{key.Id.ToString(CultureInfo.InvariantCulture)})"),
            new Claim(ClaimTypes.Role, Roles.KeyRoleOf(key.Kind)),
            new Claim(CrmClaims.KeyId, key.Id.ToString(CultureInfo.InvariantCulture)),
            .. PrincipalScope.ClaimsFor(key),
        ],
        authenticationType,
        ClaimTypes.Name,
        ClaimTypes.Role));
}
