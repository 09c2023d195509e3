using System.Net;
using System.Security.Claims;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CrmInsight.Tests.Web.Security;

/// <summary>
/// The app with single sign-on configured by settings alone (no identity provider runs here:
/// the provider's discovery document is given in place of fetching it). The settings become
/// ASP.NET Core's OpenID Connect handler, the sign-in page offers it, its challenge is the
/// authorization-code flow with PKCE to the provider, and a provider's sign-in is mapped by the
/// settings into the product's roles and team scope.
/// </summary>
public sealed class OpenIdConnectTests(OpenIdConnectTests.ProviderServer server) : IClassFixture<OpenIdConnectTests.ProviderServer>
{
    public sealed class ProviderServer : CrmInsightServer
    {
        public const string Authority = "https://login.example.com/tenant";

        protected override (int Customers, int Orders) DemoSize => (200, 1_000);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:OpenIdConnect:Authority", Authority);
            builder.UseSetting("Auth:OpenIdConnect:ClientId", "crminsight");
            builder.UseSetting("Auth:OpenIdConnect:DisplayName", "Example SSO");
            builder.UseSetting("Auth:OpenIdConnect:RoleClaim", "groups");
            builder.UseSetting("Auth:OpenIdConnect:Roles:SalesLead", "crm-sales-leads");
            builder.UseSetting("Auth:OpenIdConnect:Roles:Admin", "crm-admins");
            builder.UseSetting("Auth:OpenIdConnect:TeamClaim", "crm_teams");
            // What the handler would read from {Authority}/.well-known/openid-configuration.
            builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(AuthSchemes.OpenIdConnect, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = Authority,
                    AuthorizationEndpoint = Authority + "/authorize",
                    TokenEndpoint = Authority + "/token",
                };
                o.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            }));
        }
    }

    private OpenIdConnectOptions Handler => server.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(AuthSchemes.OpenIdConnect);

    [Fact]
    public async Task The_settings_become_the_handler_and_the_sign_in_page_offers_it()
    {
        await server.WaitUntilReadyAsync();
        var scheme = await server.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(AuthSchemes.OpenIdConnect);

        Assert.Equal(typeof(OpenIdConnectHandler), scheme?.HandlerType);
        Assert.Equal(ProviderServer.Authority, Handler.Authority);
        Assert.Equal("crminsight", Handler.ClientId);
        Assert.Equal(OpenIdConnectResponseType.Code, Handler.ResponseType);
        Assert.True(Handler.UsePkce);
        Assert.Equal(AuthSchemes.User, Handler.SignInScheme); // a provider's sign-in is the ordinary sign-in cookie
        using var anonymous = server.CreateAnonymousClient();
        var page = await anonymous.GetStringAsync("/signin");
        Assert.Contains("data-testid=\"signin-provider\"", page, StringComparison.Ordinal);
        Assert.Contains("Example SSO", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_with_the_provider_is_the_code_flow_with_pkce_back_to_this_app()
    {
        await server.WaitUntilReadyAsync();
        using var anonymous = server.CreateAnonymousClient();

        using var challenge = await anonymous.GetAsync($"{CrmInsight.Web.Api.AuthEndpoints.ProviderSignInPath}?returnUrl=%2Ftargets");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var to = challenge.Headers.Location!;
        Assert.StartsWith(ProviderServer.Authority + "/authorize?", to.ToString(), StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(to.Query);
        Assert.Equal("crminsight", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.EndsWith("/signin-oidc", query["redirect_uri"].ToString(), StringComparison.Ordinal);
        Assert.Contains("profile", query["scope"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_sign_in_is_mapped_by_the_settings_into_the_products_roles_and_scope()
    {
        await server.WaitUntilReadyAsync();
        var scheme = (await server.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(AuthSchemes.OpenIdConnect))!;

        async Task<ClaimsPrincipal> SignInAsync(params Claim[] claims)
        {
            // What the handler hands its TicketReceived event after redeeming the code.
            var provider = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-" + claims.Length), .. claims], "oidc"));
            var context = new TicketReceivedContext(new DefaultHttpContext { RequestServices = server.Services }, scheme, Handler,
                new AuthenticationTicket(provider, AuthSchemes.OpenIdConnect));
            await Handler.Events.TicketReceived(context);
            return context.Principal!;
        }

        var lead = await SignInAsync(new Claim("name", "Li Wei"), new Claim("groups", "staff"), new Claim("groups", "crm-sales-leads"), new Claim("crm_teams", "2,5"));
        var admin = await SignInAsync(new Claim("groups", "crm-admins"), new Claim("crm_teams", "1"));
        // "SalesLead" by its own name is not the mapped value: the settings name the group.
        var stranger = await SignInAsync(new Claim("groups", "SalesLead"), new Claim("crm_teams", "1"));

        Assert.Equal("Li Wei", lead.Identity!.Name);
        Assert.True(lead.HasClaim(CrmClaims.Source, CrmClaims.OidcSource));
        Assert.Equal([Roles.SalesLead], lead.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal(DataScope.ForTeams(IdSet.Of(2, 5)), PrincipalScope.For(lead));
        Assert.Equal(DataScope.All, PrincipalScope.For(admin));
        Assert.Empty(stranger.FindAll(ClaimTypes.Role));
        Assert.Equal(DataScope.Nothing, PrincipalScope.For(stranger));
    }

    [Fact]
    public void Provider_settings_are_checked_when_the_app_starts()
    {
        using var bad = new BadProviderServer();

        var error = Assert.ThrowsAny<OptionsValidationException>(() => bad.Services);

        Assert.Contains("Auth:OpenIdConnect:ClientId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:OpenIdConnect:Roles:Boss is not a role", error.Message, StringComparison.Ordinal);
    }

    private sealed class BadProviderServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:OpenIdConnect:Authority", ProviderServer.Authority);
            builder.UseSetting("Auth:OpenIdConnect:Roles:Boss", "crm-bosses");
        }
    }
}
