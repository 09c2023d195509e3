namespace CrmInsight.Web.Security;

/// <summary>The product's own claim types (roles use <see cref="System.Security.Claims.ClaimTypes.Role"/>).</summary>
public static class CrmClaims
{
    /// <summary>A team the principal may see (one claim per team id).</summary>
    public const string Team = "crminsight/team";

    /// <summary>"true" on a key limited to no team: it sees every team. Honoured for keys only.</summary>
    public const string AllTeams = "crminsight/all-teams";

    /// <summary>The id of the key a key principal stands for.</summary>
    public const string KeyId = "crminsight/key";

    /// <summary>"oidc" on a principal signed in through the identity provider (it has no local account to re-check).</summary>
    public const string Source = "crminsight/source";

    public const string OidcSource = "oidc";
}
