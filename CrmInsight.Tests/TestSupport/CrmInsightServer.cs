using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The real app in-process, on a database file of its own, with its clock pinned
/// (<see cref="Clock"/>: "today" is <see cref="PinnedDays.Ordinary"/> unless a subclass or the
/// constructor says otherwise). With <see cref="DatabasePath"/> missing, the app creates it on
/// start like a first run, with a small demo company generated up to that pinned today.
/// The one server type every API and browser test class uses: subclass it for other settings
/// (override <see cref="ConfigureWebHost"/>, call the base first).
/// Every route needs a signed-in user or a key: <see cref="CreateClientAsync"/> gives a client
/// signed in through the real sign-in form as one of <see cref="TestUsers"/>, <see cref="CreateKeyClient"/>
/// one that sends a key; <see cref="CreateAnonymousClient"/> and
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> stay anonymous.
/// </summary>
public class CrmInsightServer : WebApplicationFactory<Program>
{
    private readonly SemaphoreSlim _usersCreated = new(1, 1);
    private bool _users;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public CrmInsightServer()
        : this(PinnedDays.Ordinary)
    {
    }

    /// <summary>For subclasses pinned to another day (xUnit wants one public constructor on a fixture).</summary>
    protected CrmInsightServer(DateTimeOffset now)
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "app.duckdb");
        Clock = new PinnedClock(now);
    }

    public string DatabasePath { get; }

    /// <summary>The app's clock: pinned at the start, then moving with real time.</summary>
    public PinnedClock Clock { get; }

    /// <summary>The app's today.</summary>
    public DateOnly Today => Clock.Today;

    /// <summary>Demo size created on first start; small so tests start in about a second.</summary>
    protected virtual (int Customers, int Orders) DemoSize => (1_500, 15_000);

    public DatabaseReadiness Readiness => Services.GetRequiredService<DatabaseReadiness>();

    /// <summary>Waits until the app reports the database ready.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        await WaitUntilSettledAsync(timeout);
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

    /// <summary>Waits until the app's database start has ended, ready or failed, on the app's own notification.</summary>
    public async Task WaitUntilSettledAsync(TimeSpan? timeout = null)
    {
        var readiness = Readiness; // builds and starts the host
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (readiness.Subscribe(() =>
        {
            if (readiness.State != DatabaseState.Starting)
            {
                settled.TrySetResult();
            }
        }))
        {
            if (readiness.State == DatabaseState.Starting)
            {
                await settled.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
            }
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
        // The attack tests enumerate ids through the exports; the export limit has a test of its own.
        builder.UseSetting("Export:PerClientPerMinute", "10000");
        // Tests count the queries screens cause; the warmer is tested on its own (DefaultViewWarmerTests, DefaultViewWarmupTests).
        builder.UseSetting("Live:WarmDefaultViews", "false");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
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

/// <summary>
/// Servers pinned to each of <see cref="PinnedDays"/>, started on first use and shared by the
/// tests of a class (<c>IClassFixture&lt;PinnedDayServers&gt;</c>), for theories over the days.
/// </summary>
public sealed class PinnedDayServers : IAsyncLifetime
{
    private readonly Dictionary<string, Task<CrmInsightServer>> _servers = [];
    private readonly Lock _lock = new();

    public Task<CrmInsightServer> ForAsync(string day)
    {
        lock (_lock)
        {
            if (!_servers.TryGetValue(day, out var server))
            {
                server = StartAsync(PinnedDays.Parse(day));
                _servers[day] = server;
            }
            return server;
        }
    }

    private static async Task<CrmInsightServer> StartAsync(DateTimeOffset now)
    {
        var server = new PinnedServer(now);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    private sealed class PinnedServer(DateTimeOffset now) : CrmInsightServer(now);

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await (await server).DisposeAsync();
        }
    }
}
