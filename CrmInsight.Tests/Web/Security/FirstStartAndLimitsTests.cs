using System.Collections.Concurrent;
using System.Net;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmInsight.Tests.Web.Security;

/// <summary>The first admin's password, the sign-in rate limit, and cookies behind a TLS proxy — each on a server of its own settings.</summary>
public sealed class FirstStartAndLimitsTests
{
    [Fact]
    public async Task First_start_creates_admin_with_a_random_password_written_to_the_log_once()
    {
        await using var server = new FirstStartServer();
        await server.WaitUntilReadyAsync();

        var lines = server.Log.Where(l => l.Contains("First start", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        var password = line.Split("with the password ")[1].Split(' ')[0];
        Assert.Equal(20, password.Length);
        using var client = server.CreateAnonymousClient();
        using var signIn = await TestSignIn.PostAsync(client, InitialAdmin.UserName, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(1, server.Log.Count(l => l.Contains(password, StringComparison.Ordinal))); // once, and nowhere else
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after()
    {
        await using var server = new LimitedServer();
        await server.WaitUntilReadyAsync();
        using var client = server.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await TestSignIn.PostAsync(client, "admin", "wrong " + i);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null || response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The other routes are not limited by sign-in attempts.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_cookies_are_secure()
    {
        await using var server = new ProxiedServer();
        server.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        await server.WaitUntilReadyAsync();
        // As the browser behind the proxy: it speaks https to the proxy, so it sends Secure cookies
        // back; this client talks plain http to the app and passes them by hand.
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.ClientOptions.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await client.GetAsync("/signin");
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("crminsight-antiforgery=", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = TestSignIn.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["Input.UserName"] = TestUsers.Admin.Name,
                ["Input.Password"] = TestUsers.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signIn = await client.SendAsync(post);

        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var auth = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthSchemes.UserCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class FirstStartServer : CrmInsightServer
    {
        public ConcurrentQueue<string> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:InitialAdminPassword", "");
            builder.ConfigureLogging(logging => logging.AddProvider(new ListLoggerProvider(Log)));
        }
    }

    private sealed class LimitedServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:SignInPermitsPerMinute", "3");
        }
    }

    private sealed class ProxiedServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hosting:ForwardedHeaders", "true");
        }
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
