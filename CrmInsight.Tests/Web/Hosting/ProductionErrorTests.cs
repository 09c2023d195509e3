using System.Net;
using System.Text.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Hosting;

/// <summary>
/// Outside Development no answer carries an exception's text: with the database pulled away the
/// API and exports answer a 503 problem body with Retry-After, and ingest says nothing was written.
/// </summary>
public sealed class ProductionErrorTests : IClassFixture<ProductionErrorTests.ProductionServer>
{
    private const string TestFault = "unreachable (test)"; // the text SwitchableDatabase's exception carries

    private readonly ProductionServer _server;

    public ProductionErrorTests(ProductionServer server) => _server = server;

    [Theory]
    [InlineData("GET", "/api/kpis?ids=revenue")]
    [InlineData("GET", "/export/top-customers.csv")]
    [InlineData("POST", "/api/ingest/orders")]
    public async Task A_database_that_does_not_answer_is_a_503_problem_without_the_exceptions_text(string method, string path)
    {
        await _server.WaitUntilReadyAsync();
        var key = (await _server.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Api, "prod", CrmInsight.Domain.Filters.IdSet.Empty, "tests")).Secret;
        using var client = _server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add(IngestEndpoints.KeyHeader, key);
        if (method == "POST")
        {
            request.Content = new StringContent("""[{"id":"P-1","date":"2024-01-01","revenue":1}]""", System.Text.Encoding.UTF8, "application/json");
        }

        _server.Database.Unreachable = true;
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
        }
        finally
        {
            _server.Database.Unreachable = false;
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.DoesNotContain(TestFault, body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(body);
            Assert.Contains("nothing was", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The app in the Production environment on a database the test can pull away.</summary>
    public sealed class ProductionServer : CrmInsightServer
    {
        public ProductionServer()
        {
            var exit = CrmInsight.Web.Cli.CommandLine.TryRunAsync(["generate-demo", "--database", DatabasePath, "--orders", "2000", "--customers", "200"], TextWriter.Null, TextWriter.Null)
                .GetAwaiter().GetResult();
            Assert.Equal(0, exit);
        }

        public SwitchableDatabase Database => Services.GetRequiredService<SwitchableDatabase>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(sp => new SwitchableDatabase(CrmInsightServices.OpenDatabase(
                    sp.GetRequiredService<IOptions<StorageOptions>>().Value, AppContext.BaseDirectory)));
                services.AddSingleton<ICrmDatabase>(sp => sp.GetRequiredService<SwitchableDatabase>());
            });
        }
    }
}
