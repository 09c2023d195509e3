using System.Reflection;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Security;

/// <summary>One route the app answers, as its own endpoint data source lists it, and the policy it names.</summary>
public sealed partial record RouteEntry(string Pattern, IReadOnlyList<string> Methods, string? Policy, bool Anonymous, bool StaticAsset, bool Framework)
{
    /// <summary>
    /// A concrete address for the pattern (route values filled with harmless examples). A route
    /// parameter this does not know (a route someone adds) gets "1", or "x" for a catch-all, so a
    /// new route is requested at a real address rather than at its pattern text.
    /// </summary>
    public string SamplePath => AnyParameter().Replace(CatchAll().Replace("/" + Pattern.TrimStart('/')
        .Replace("{file}", "top-customers.csv", StringComparison.Ordinal)
        .Replace("{kind}", "orders", StringComparison.Ordinal)
        .Replace("{CustomerId:long}", "1", StringComparison.Ordinal), "x"), "1");

    public string Method => Methods.Count == 0 ? "GET" : Methods[0];

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\*[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex CatchAll();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex AnyParameter();
}

/// <summary>
/// Every route of the app, read from its EndpointDataSource (minimal APIs, Razor component pages,
/// Blazor's own endpoints, static assets), and every routable component of the web assembly —
/// enumerated, not listed, so a route or page someone adds is checked without anyone editing a list.
/// </summary>
public static class RouteInventory
{
    /// <summary>
    /// Blazor's own endpoints (the circuit hub, its negotiation, the script) and the development-time
    /// file fallback static assets add (<c>{**path:file}</c>): they rely on the fallback policy.
    /// </summary>
    public static bool IsFramework(string pattern) => pattern == "/{**path:file}" ||
        pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("_blazor", StringComparison.Ordinal)
        || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.StartsWith("_framework", StringComparison.Ordinal);

    public static IReadOnlyList<RouteEntry> Routes(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e =>
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            var authorize = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var staticAsset = e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)) || e.DisplayName?.Contains("static", StringComparison.OrdinalIgnoreCase) == true && !pattern.Contains('{', StringComparison.Ordinal);
            return new RouteEntry(
                pattern,
                [.. methods],
                authorize.Select(a => a.Policy).FirstOrDefault(p => p is not null),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                staticAsset,
                IsFramework(pattern));
        }).DistinctBy(r => (r.Pattern, string.Join(',', r.Methods)))];

    /// <summary>The components with an @page route in the web assembly.</summary>
    public static IReadOnlyList<Type> RoutableComponents() =>
        [.. typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())];

    public static string? PolicyOf(Type component) => component.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy).FirstOrDefault(p => p is not null);

    public static bool AllowsAnonymous(Type component) => component.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any();

    public static IEnumerable<string> KnownPolicies => Policies.All;
}
