using System.Security.Claims;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Security;

namespace CrmInsight.Tests.Web.Security;

/// <summary>The one place a principal becomes a scope, and how it fails closed.</summary>
public sealed class PrincipalScopeTests
{
    private static ClaimsPrincipal Principal(string? role, params Claim[] claims) =>
        new(new ClaimsIdentity([.. claims, .. role is null ? Array.Empty<Claim>() : [new Claim(ClaimTypes.Role, role)]], "test", ClaimTypes.Name, ClaimTypes.Role));

    private static Claim Team(string id) => new(CrmClaims.Team, id);

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Analyst)]
    public void The_all_team_roles_see_every_team_whatever_team_claims_they_carry(string role) =>
        Assert.Equal(DataScope.All, PrincipalScope.For(Principal(role, Team("1"))));

    [Fact]
    public void A_sales_lead_sees_their_teams()
    {
        Assert.Equal(DataScope.ForTeams(IdSet.Of(1, 3)), PrincipalScope.For(Principal(Roles.SalesLead, Team("3"), Team("1"))));
    }

    [Fact]
    public void It_fails_closed()
    {
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(null));
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(new ClaimsPrincipal(new ClaimsIdentity()))); // not authenticated
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(Principal(null, Team("1")))); // no role
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(Principal("Boss", Team("1")))); // an unknown role
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(Principal(Roles.SalesLead))); // a lead without teams
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(Principal(Roles.SalesLead, Team("1"), Team("x")))); // a team claim that is no id
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(Principal(Roles.SalesLead, new Claim(CrmClaims.AllTeams, "true")))); // only keys may say "all teams"
    }

    [Fact]
    public void A_key_sees_all_teams_or_exactly_its_teams()
    {
        var all = new AccessKey(1, "bi", AccessKeyKind.Read, "cik_read_abc", DateTime.UtcNow, null, null, IdSet.Empty);
        var two = all with { Teams = IdSet.Of(2) };

        Assert.Equal(DataScope.All, PrincipalScope.For(KeyPrincipal.For(all, "test")));
        Assert.Equal(DataScope.ForTeams(IdSet.Of(2)), PrincipalScope.For(KeyPrincipal.For(two, "test")));
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(Principal(Roles.ReadKey))); // a key principal without its scope claims
    }

    [Fact]
    public void The_identity_providers_role_and_team_claims_are_mapped_by_settings()
    {
        var settings = new OpenIdConnectSettings { RoleClaim = "groups", TeamClaim = "crm_teams", Roles = new(StringComparer.OrdinalIgnoreCase) { ["SalesLead"] = "crm-sales-leads" } };
        var external = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "u-42"), new Claim("name", "Li Wei"),
            new Claim("groups", "crm-sales-leads"), new Claim("groups", "Admin-lookalike"),
            new Claim("crm_teams", "2, 5"), new Claim("crm_teams", "not-a-team"),
        ], "oidc"));

        var mapped = OidcClaimMapper.Map(external, settings);

        Assert.Equal("oidc:u-42", mapped.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("Li Wei", mapped.Identity!.Name);
        Assert.Equal([Roles.SalesLead], mapped.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal(DataScope.ForTeams(IdSet.Of(2, 5)), PrincipalScope.For(mapped));
        // A provider user none of whose groups maps gets no role and sees nothing.
        var stranger = OidcClaimMapper.Map(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-7"), new Claim("groups", "staff")], "oidc")), settings);
        Assert.Empty(stranger.FindAll(ClaimTypes.Role));
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(stranger));
    }

    [Theory]
    [InlineData("https://login.example.com/tenant", "crm", true)]
    [InlineData("http://login.example.com", "crm", false)]
    [InlineData("https://login.example.com", null, false)]
    [InlineData(null, null, true)] // not configured: off
    public void Identity_provider_settings_are_validated(string? authority, string? clientId, bool valid)
    {
        var options = new AuthOptions { OpenIdConnect = new OpenIdConnectSettings { Authority = authority, ClientId = clientId } };

        Assert.Equal(valid, new AuthOptionsValidator().Validate(null, options).Succeeded);
    }
}
