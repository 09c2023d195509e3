using System.Net;
using System.Text;
using System.Text.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Api;

/// <summary>A write that cannot get its turn within Storage:WriteWaitTimeout (0.5 s here) is a 503 with Retry-After, not an endless wait.</summary>
[Collection(TightLimitsServer.Collection)]
public sealed class WriteGateTimeoutTests(TightLimitsServer server)
{
    [Theory]
    [InlineData("orders", "application/json", """[{"id":"GATE-1","date":"2024-01-01","revenue":1}]""")]
    [InlineData("order-lines?map=order=o,customer=c,date=d,quantity=q,price=p", "text/csv", "o,c,d,q,p\nGATE-L1,,2024-01-01,1,1.00\n")]
    public async Task While_another_write_holds_the_gate_ingest_answers_503_with_retry_after_then_succeeds(string kind, string contentType, string body)
    {
        await server.WaitUntilReadyAsync();
        var key = (await server.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Api, "gate", CrmInsight.Domain.Filters.IdSet.Empty, "tests")).Secret;
        using var client = server.CreateClient();
        var gate = server.Services.GetRequiredService<WriteGate>();

        HttpResponseMessage busy;
        using (await gate.EnterAsync()) // a long write of someone else
        {
            busy = await PostAsync(client, key, kind, contentType, body);
        }
        using var accepted = await PostAsync(client, key, kind, contentType, body);

        using (busy)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.NotNull(busy.Headers.RetryAfter);
            using var json = JsonDocument.Parse(await busy.Content.ReadAsStringAsync());
            Assert.Contains("Another write", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string kind, string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ingest/{kind}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(IngestEndpoints.KeyHeader, key);
        return await client.SendAsync(request);
    }
}
