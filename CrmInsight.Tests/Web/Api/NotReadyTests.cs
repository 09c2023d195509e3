using System.Net;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmInsight.Tests.Web.Api;

/// <summary>Before the database is ready the app answers, but says it is not ready.</summary>
public sealed class NotReadyTests : IDisposable
{
    private readonly StalledServer _server = new();

    [Fact]
    public async Task Health_and_api_answer_503_until_the_database_is_ready()
    {
        // No key can be checked (nor user signed in) before the database is open: a request with
        // a key is told the app is starting, one without is told to sign in.
        using var client = _server.CreateKeyClient("cik_read_whatever");
        using var anonymous = _server.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/healthz")).StatusCode);
        var api = await client.GetAsync("/api/kpis?ids=revenue");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("Generating demo data", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/kpis?ids=revenue")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_says_the_app_is_starting()
    {
        using var anonymous = _server.CreateAnonymousClient();

        var page = await anonymous.GetStringAsync("/signin");

        Assert.Contains("signin-starting", page, StringComparison.Ordinal);
        Assert.Contains("Generating demo data", page, StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();

    /// <summary>The app with its database initializer replaced by one that never finishes.</summary>
    private sealed class StalledServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var initializer = services.Single(s => s.ImplementationType == typeof(DatabaseInitializer));
                services.Remove(initializer);
                services.AddSingleton<IHostedService>(sp => new Stalled(sp.GetRequiredService<DatabaseReadiness>()));
            });
        }

        private sealed class Stalled(DatabaseReadiness readiness) : IHostedService
        {
            public Task StartAsync(CancellationToken cancellationToken)
            {
                readiness.Report("Generating demo data");
                return Task.CompletedTask;
            }

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }
}
