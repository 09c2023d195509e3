using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The real app in-process, on a database file of its own. With <see cref="DatabasePath"/>
/// missing, the app creates it on start like a first run (with a small demo company).
/// Every route needs a signed-in user or a key: <see cref="CreateClientAsync"/> gives a client
/// signed in through the real sign-in form as one of <see cref="TestUsers"/>;
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> stays anonymous.
/// </summary>
public class CrmInsightServer : WebApplicationFactory<Program>
{
    private readonly SemaphoreSlim _usersCreated = new(1, 1);
    private bool _users;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public CrmInsightServer()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "app.duckdb");
    }

    public string DatabasePath { get; }

    /// <summary>Demo size created on first start; small so tests start in about a second.</summary>
    protected virtual (int Customers, int Orders) DemoSize => (1_500, 15_000);

    public DatabaseReadiness Readiness => Services.GetRequiredService<DatabaseReadiness>();

    /// <summary>Waits until the app reports the database ready (or failed).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        _ = Services; // builds and starts the host
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (Readiness.State == DatabaseState.Starting && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(Readiness.IsReady, $"Database not ready: {Readiness.State} {Readiness.Message}");
        await EnsureTestUsersAsync();
    }

    /// <summary>
    /// A client signed in as <paramref name="user"/> through the real sign-in form (cookies kept,
    /// redirects not followed, so a refusal shows as the 302 or 401/403 it is).
    /// </summary>
    public async Task<HttpClient> CreateClientAsync(TestUser user)
    {
        await WaitUntilReadyAsync();
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
        await TestSignIn.SignInAsync(client, user);
        return client;
    }

    /// <summary>An anonymous client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client sending <paramref name="key"/> in X-Api-Key.</summary>
    public HttpClient CreateKeyClient(string key)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyHandler.Header, key);
        return client;
    }

    /// <summary>A new key of <paramref name="kind"/> (all teams unless <paramref name="teams"/> names some).</summary>
    public async Task<string> CreateKeyAsync(AccessKeyKind kind, CrmInsight.Domain.Filters.IdSet? teams = null)
    {
        await WaitUntilReadyAsync();
        var created = await Services.GetRequiredService<AccessKeyStore>().CreateAsync(kind, $"test {kind}", teams ?? CrmInsight.Domain.Filters.IdSet.Empty, "tests");
        return created.Secret;
    }

    /// <summary>The users of <see cref="TestUsers"/> besides the first-start admin, created once through the product's UserAdministration.</summary>
    private async Task EnsureTestUsersAsync()
    {
        await _usersCreated.WaitAsync();
        try
        {
            if (_users)
            {
                return;
            }
            await using var scope = Services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var existing = (await admin.ListAsync()).Select(u => u.UserName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var runner = scope.ServiceProvider.GetRequiredService<CrmInsight.Domain.Sql.QueryRunner>();
            foreach (var user in TestUsers.All.Where(u => !existing.Contains(u.Name)))
            {
                if (!(await TeamCheck.UnknownAsync(runner, user.Teams)).IsEmpty)
                {
                    continue; // an empty database has no teams to lead
                }
                var result = await admin.CreateAsync(user.Name, user.Role, user.Teams, TestUsers.Password, "tests");
                Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            }
            _users = true;
        }
        finally
        {
            _usersCreated.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DuckDbPath", DatabasePath);
        builder.UseSetting("Storage:DuckDbMemoryLimit", "1GB");
        builder.UseSetting("Demo:Customers", DemoSize.Customers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Orders", DemoSize.Orders.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Auth:InitialAdminPassword", TestUsers.Password);
        // Many clients sign in from one address here; the rate limit has a test of its own.
        builder.UseSetting("Auth:SignInPermitsPerMinute", "100000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _usersCreated.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
