using System.Net;
using System.Text.Json;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Web.Api;

[Collection(TightLimitsServer.Collection)]
public sealed class ExportRateLimitTests(TightLimitsServer server)
{
    [Fact]
    public async Task Past_the_exports_per_minute_a_client_gets_429_with_retry_after_and_a_message()
    {
        await server.WaitUntilReadyAsync();
        using var client = await server.CreateClientAsync(TestUsers.Analyst);

        // Export:PerClientPerMinute = 3: three exports pass, the fourth within the minute does not.
        for (var i = 0; i < TightLimitsServer.ExportsPerMinute; i++)
        {
            using var ok = await client.GetAsync("/export/top-customers.csv");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await client.GetAsync("/export/top-customers.xlsx");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("At most 3 exports a minute", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Only exports are limited: the KPI API still answers.
        using var api = await client.GetAsync("/api/kpis?ids=revenue");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}
