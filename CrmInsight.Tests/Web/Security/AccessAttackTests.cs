using System.Net;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Security;

/// <summary>
/// Each role and key against each kind of route: who opens what is stated here as a table (the
/// product's policies must agree with it), and every cell is tried.
/// </summary>
public sealed class AccessAttackTests(AttackServer server) : IClassFixture<AttackServer>, IAsyncLifetime
{
    private const string Persons = "Admin Executive Analyst SalesLead";
    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>Path (GET unless it says POST) → who may open it.</summary>
    public static TheoryData<string, string> Matrix() => new()
    {
        { "/", Persons },
        { "/contribution", Persons },
        { "/retention", Persons },
        { "/satisfaction", Persons },
        { "/marketing", Persons },
        { "/drill?level=team", Persons },
        { "/targets", Persons },
        { "/scorecard", Persons },
        { "/data-health", Persons },
        { "/alerts", Persons },
        // Scorecards, targets, thresholds and AHP matrices are changed by Admin and Analyst only.
        { "/scorecard/edit", "Admin Analyst" },
        { "/customers/1", Persons },
        { "/wall", Persons + " DisplayKey" },
        { "/admin", "Admin" },
        { "/admin/users", "Admin" },
        { "/admin/audit", "Admin" },
        { "/import", "Admin" },
        { "/api/kpis?ids=orders", Persons + " ReadKey" },
        { "/export/top-customers.csv", "Admin Analyst SalesLead ReadKey" },
        { "/export/campaigns.xlsx", "Admin Analyst SalesLead ReadKey" },
        { "POST /api/ingest/orders", "IngestKey" },
        { "/api/scorecard", Persons + " ReadKey" },
        // Arithmetic on the body (an empty one is its own 400), for the scorecard's readers.
        { "POST /api/ahp", Persons + " ReadKey" },
        { "/api/alerts", Persons },
        // A sales lead's rules cover their own teams (ScorecardAttackTests); an executive only reads.
        { "POST /api/alerts", "Admin Analyst SalesLead" },
        { "/export/scorecard.csv", "Admin Analyst SalesLead ReadKey" },
        { "/export/incomplete-customers.csv", "Admin Analyst SalesLead ReadKey" },
        // Pages with no data that any signed-in principal may see.
        { "/access-denied", Persons + " ReadKey IngestKey DisplayKey" },
        { "/not-found", Persons + " ReadKey IngestKey DisplayKey" },
    };

    /// <summary>
    /// Routes the table above does not try, and where they are attacked instead. Anything else the
    /// app maps must have a row in <see cref="Matrix"/>.
    /// </summary>
    private static readonly Dictionary<string, string> TriedElsewhere = new(StringComparer.Ordinal)
    {
        ["POST /signout"] = "HardeningAttackTests: sign-out needs its form's antiforgery token and ends every session of the user",
    };

    /// <summary>
    /// The matrix is complete: every route the running app maps (its EndpointDataSource, so a page
    /// or endpoint someone adds is found without editing a list) that is not open to anyone is
    /// tried by every role and key above — or says where it is attacked instead.
    /// </summary>
    [Fact]
    public async Task Every_route_of_the_app_is_in_the_matrix()
    {
        await server.WaitUntilReadyAsync();
        var tried = Matrix().Select(row => (string)row[0])
            .Select(r => r.StartsWith("POST ", StringComparison.Ordinal) ? r : "GET " + r)
            .Select(r => r.Split('?')[0])
            .ToHashSet(StringComparer.Ordinal);
        var routes = RouteInventory.Routes(server.Services).Where(r => !r.StaticAsset && !r.Framework && !r.Anonymous).ToList();

        var missing = routes
            .Select(r => $"{r.Method} {r.SamplePath}")
            .Where(r => !tried.Contains(r) && !TriedElsewhere.ContainsKey(r))
            .ToList();

        Assert.True(routes.Count >= 15, $"found {routes.Count} routes"); // the inventory sees the app at all
        Assert.True(missing.Count == 0, "Not in the access matrix: " + string.Join(", ", missing));
    }

    public async Task InitializeAsync()
    {
        foreach (var user in TestUsers.All)
        {
            _clients[user.Role] = await server.CreateClientAsync(user);
        }
        _clients[Roles.ReadKey] = server.CreateKeyClient(await server.CreateKeyAsync(AccessKeyKind.Read));
        _clients[Roles.IngestKey] = server.CreateKeyClient(await server.CreateKeyAsync(AccessKeyKind.Api));
        // A wall display: its key signs the browser in with the display cookie, once.
        var display = server.CreateAnonymousClient();
        using var signIn = await display.GetAsync($"/wall?key={Uri.EscapeDataString(await server.CreateKeyAsync(AccessKeyKind.Display))}");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        _clients[Roles.DisplayKey] = display;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_and_key_opens_exactly_its_routes(string route, string allowed)
    {
        var post = route.StartsWith("POST ", StringComparison.Ordinal);
        var path = post ? route[5..] : route;
        foreach (var (role, client) in _clients)
        {
            using var request = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, path);
            if (post)
            {
                request.Content = new StringContent("[]", System.Text.Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var refused = status == 403 || (status == 302 && response.Headers.Location?.OriginalString.Contains("/access-denied", StringComparison.Ordinal) == true);
            if (allowed.Split(' ').Contains(role))
            {
                // Allowed: the page, the data, the file — or, for the ingest API, its own 400 for an empty request.
                Assert.True(status is 200 or 400 && !refused, $"{role} on {route}: {status} {response.Headers.Location}");
            }
            else
            {
                Assert.True(refused || status == 401, $"{role} on {route} was not refused: {status}");
            }
        }
    }

    [Fact]
    public async Task A_display_key_sent_as_a_header_opens_nothing()
    {
        using var client = server.CreateKeyClient(await server.CreateKeyAsync(AccessKeyKind.Display));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/kpis?ids=orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/export/top-customers.csv")).StatusCode);
    }

    [Fact]
    public async Task The_display_cookie_holds_a_protected_ticket_not_the_key()
    {
        var secret = await server.CreateKeyAsync(AccessKeyKind.Display);
        using var client = server.CreateAnonymousClient();

        using var response = await client.GetAsync($"/wall?key={Uri.EscapeDataString(secret)}&views=headline");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DisplayKeySignIn.CookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, Uri.UnescapeDataString(cookie), StringComparison.Ordinal);
        Assert.DoesNotContain(secret[8..20], cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/wall?views=headline", response.Headers.Location?.OriginalString); // the key left the address
    }

    [Fact]
    public async Task A_revoked_read_key_and_a_revoked_display_cookie_are_refused_at_once()
    {
        var keys = server.Services.GetRequiredService<AccessKeyStore>();
        var read = await keys.CreateAsync(AccessKeyKind.Read, "soon revoked", IdSet.Empty, "tests");
        var display = await keys.CreateAsync(AccessKeyKind.Display, "soon revoked", IdSet.Empty, "tests");
        using var reader = server.CreateKeyClient(read.Secret);
        using var wall = server.CreateAnonymousClient();
        await wall.GetAsync($"/wall?key={Uri.EscapeDataString(display.Secret)}");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/kpis?ids=orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/wall")).StatusCode);

        await keys.RevokeAsync(read.Key.Id, "tests");
        await keys.RevokeAsync(display.Key.Id, "tests");

        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/kpis?ids=orders")).StatusCode);
        using var page = await wall.GetAsync("/wall");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        using var client = server.CreateAnonymousClient();
        using var signIn = await TestSignIn.PostAsync(client, TestUsers.Analyst.Name, TestUsers.Password);

        var auth = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthSchemes.UserCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        // Plain http here; behind a TLS proxy (Hosting:ForwardedHeaders) the request is https and the cookie Secure.
        Assert.DoesNotContain("secure", auth.Replace("httponly", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
    }
}
