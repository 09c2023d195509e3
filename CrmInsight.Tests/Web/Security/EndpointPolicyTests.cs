using System.Reflection;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CrmInsight.Tests.Web.Security;

/// <summary>
/// Attacks the map of routes itself: a route or page without a policy is a door nobody locked.
/// Everything is enumerated from the running app (its EndpointDataSource) and the web assembly.
/// </summary>
public sealed class EndpointPolicyTests(CrmInsightServer server, ITestOutputHelper output) : IClassFixture<CrmInsightServer>
{
    /// <summary>The only routes open to anyone, besides static assets: the sign-in page, its language switch, /healthz, the error page.</summary>
    private static readonly string[] OpenRoutes = ["/signin", "/culture/set", "/healthz", "/Error"];

    [Fact]
    public async Task Every_endpoint_names_a_known_policy_or_is_one_of_the_few_open_ones()
    {
        await server.WaitUntilReadyAsync();
        var routes = RouteInventory.Routes(server.Services);
        foreach (var route in routes.Where(r => !r.StaticAsset))
        {
            output.WriteLine($"{route.Method,-6} {route.Pattern,-40} {(route.Anonymous ? "anonymous" : route.Policy ?? "(fallback)")}");
        }

        Assert.Contains(routes, r => r.Pattern == "/api/kpis");
        Assert.Contains(routes, r => r.Pattern == "/customers/{CustomerId:long}");
        Assert.Contains(routes, r => r.StaticAsset && r.Anonymous);
        var unlocked = routes.Where(r => !r.StaticAsset && !r.Framework && !r.Anonymous && !RouteInventory.KnownPolicies.Contains(r.Policy)).ToList();
        Assert.True(unlocked.Count == 0, "No policy: " + string.Join(", ", unlocked.Select(r => r.Method + " " + r.Pattern)));
        Assert.Equal(OpenRoutes.Order(), routes.Where(r => r.Anonymous && !r.StaticAsset).Select(r => r.Pattern).Distinct().Order());
        Assert.All(routes.Where(r => r.StaticAsset), r => Assert.True(r.Anonymous, r.Pattern));
    }

    [Fact]
    public void Every_routable_page_names_a_known_policy_and_only_the_sign_in_and_error_pages_are_open()
    {
        var pages = RouteInventory.RoutableComponents();

        Assert.True(pages.Count >= 15, $"found {pages.Count} pages"); // the scan finds pages at all
        var unlocked = pages.Where(p => !RouteInventory.AllowsAnonymous(p) && !RouteInventory.KnownPolicies.Contains(RouteInventory.PolicyOf(p))).ToList();
        Assert.True(unlocked.Count == 0, "No policy: " + string.Join(", ", unlocked.Select(p => p.Name)));
        Assert.Equal(["Error", "SignInPage"], pages.Where(RouteInventory.AllowsAnonymous).Select(p => p.Name).Order());
    }

    [Fact]
    public void The_fallback_policy_behind_blazors_own_endpoints_needs_a_signed_in_principal_with_a_role()
    {
        var fallback = server.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;

        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
        var roles = Assert.Single(fallback.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>());
        Assert.Equal([.. Roles.UserRoles, .. Roles.KeyRoles], roles.AllowedRoles);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_on_every_route_but_the_open_ones()
    {
        await server.WaitUntilReadyAsync();
        using var anonymous = server.CreateAnonymousClient();
        var covered = new List<string>();
        foreach (var route in RouteInventory.Routes(server.Services).Where(r => !r.StaticAsset && !r.Anonymous))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.SamplePath);
            if (route.Method == "POST")
            {
                request.Content = new StringContent("[]", System.Text.Encoding.UTF8, "application/json");
            }
            using var response = await anonymous.SendAsync(request);
            var status = (int)response.StatusCode;
            var toSignIn = status == 302 && response.Headers.Location?.OriginalString.Contains("/signin", StringComparison.Ordinal) == true;
            Assert.True(toSignIn || status == 401, $"{route.Method} {route.SamplePath} answered {status} {response.Headers.Location}");
            covered.Add($"{route.Method} {route.SamplePath} → {status}");
        }
        output.WriteLine(string.Join("\n", covered));
        Assert.True(covered.Count >= 20, $"covered {covered.Count} routes");
    }
}
