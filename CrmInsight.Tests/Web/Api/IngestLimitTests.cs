using System.Net;
using System.Text;
using System.Text.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Api;

/// <summary>A body over Ingest:MaxBodyBytes is a 413 that says the limit, and nothing is written.</summary>
public sealed class IngestLimitTests : IClassFixture<IngestLimitTests.SmallBodyServer>
{
    private readonly SmallBodyServer _server;

    public IngestLimitTests(SmallBodyServer server) => _server = server;

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_naming_it_and_writes_nothing()
    {
        await _server.WaitUntilReadyAsync();
        // Reads as a signed-in analyst; the ingest request carries its key.
        using var client = await _server.CreateClientAsync(TestUsers.Analyst);
        var key = (await _server.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Api, "limit", CrmInsight.Domain.Filters.IdSet.Empty, "tests")).Secret;
        var today = _server.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // 40 orders of about 80 bytes each: about 3 200 bytes, over the 2 048 allowed.
        var body = "[" + string.Join(",", Enumerable.Range(0, 40).Select(i => $$"""{"id":"BIG-{{i:D3}}","date":"{{today}}","revenue":1.00,"region":"East China"}""")) + "]";
        Assert.True(Encoding.UTF8.GetByteCount(body) > 2048);
        var before = await RevenueTodayAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/ingest/orders", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(IngestEndpoints.KeyHeader, key);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("2,048 bytes", problem.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await RevenueTodayAsync(client));
    }

    private async Task<decimal> RevenueTodayAsync(HttpClient client)
    {
        var (from, to) = (_server.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), _server.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/kpis?ids=revenue&from={from}&to={to}&region=1", UriKind.Relative)));
        return body.RootElement.GetProperty("kpis")[0].GetProperty("value").GetDecimal();
    }

    public sealed class SmallBodyServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Ingest:MaxBodyBytes", "2048");
        }
    }
}
