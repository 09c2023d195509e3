using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Alerts;
using CrmInsight.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Alerts;

/// <summary>
/// A rule that fires on an ingested order reaches a webhook on 127.0.0.1 once: the receiver
/// refuses the first POST (503), the resilience handler retries it, and a later write that keeps
/// the rule firing sends nothing more.
/// </summary>
public sealed class AlertWebhookTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(HttpStatusCode Answer, string Body)> _received = new();
    private readonly TaskCompletionSource<string> _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _receiver = null!;
    private AlertServer _server = null!;
    private HttpClient _client = null!;
    private string _apiKey = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            // The first attempt fails as a receiver that is briefly down would.
            var answer = _received.IsEmpty ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
            _received.Enqueue((answer, body));
            if (answer == HttpStatusCode.OK)
            {
                _delivered.TrySetResult(body);
            }
            return Results.StatusCode((int)answer);
        });
        await _receiver.StartAsync();
        var address = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        _server = new AlertServer(address + "/hook");
        await _server.WaitUntilReadyAsync();
        _client = await _server.CreateClientAsync(TestUsers.Analyst);
        _apiKey = (await _server.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Api, "tests", IdSet.Empty, "tests")).Secret;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_firing_reaches_the_webhook_once()
    {
        var store = _server.Services.GetRequiredService<AlertStore>();
        var monitor = _server.Services.GetRequiredService<AlertMonitor>();
        var sender = _server.Services.GetRequiredService<AlertWebhookSender>();
        var orders = await OrdersThisWeekAsync();

        // Orders in the last 7 days above today's count: it does not breach until one more order arrives.
        var rule = await store.CreateAsync(new AlertRuleDraft("Busy week", "orders", AlertComparison.Above, orders, 1, "period=7d", null), DataScope.All, "test");
        await monitor.EvaluateRuleAsync(rule.Id);
        Assert.False((await store.AllAsync()).Single(r => r.Id == rule.Id).IsFiring);

        var version = await IngestOrderAsync("HOOK-1");
        var body = await _delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var payload = JsonDocument.Parse(body);
        var root = payload.RootElement;
        Assert.Equal("fired", root.GetProperty("event").GetString());
        Assert.Equal(rule.Id, root.GetProperty("rule").GetProperty("id").GetInt32());
        Assert.Equal("orders", root.GetProperty("rule").GetProperty("kpi").GetString());
        Assert.Equal(orders + 1, root.GetProperty("value").GetDecimal());
        Assert.True(root.GetProperty("dataVersion").GetInt64() >= version);

        // Another order keeps it firing: evaluated, but nothing new to send.
        var later = await IngestOrderAsync("HOOK-2");
        await monitor.WaitForVersionAsync(later).WaitAsync(TimeSpan.FromSeconds(30));
        await sender.WaitUntilSentAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True((await store.AllAsync()).Single(r => r.Id == rule.Id).EvaluatedVersion >= later);

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], _received.Select(r => r.Answer));
        Assert.Equal(_received.First().Body, _received.Last().Body);
        Assert.Equal(1, sender.Delivered);
        Assert.Equal(0, sender.Failed);
        Assert.Single(await store.HistoryAsync(DataScope.All));
    }

    private async Task<decimal> OrdersThisWeekAsync()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync("/api/kpis?ids=orders&period=7d"));
        return body.RootElement.GetProperty("kpis")[0].GetProperty("value").GetDecimal();
    }

    /// <summary>One order dated the app's today through the ingest API; the data version it made.</summary>
    private async Task<long> IngestOrderAsync(string id)
    {
        var today = _server.Services.GetRequiredService<TimeProvider>().GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/orders")
        {
            Content = new StringContent($$"""[{"id":"{{id}}","date":"{{today}}","revenue":10}]""", Encoding.UTF8, "application/json"),
        };
        using var ingest = _server.CreateKeyClient(_apiKey);
        using var response = await ingest.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("dataVersion").GetInt64();
    }

    /// <summary>The app with its alerts posting to the test's receiver, retrying quickly.</summary>
    private sealed class AlertServer(string webhook) : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Alerts:Webhooks:0", webhook);
            builder.UseSetting("Alerts:WebhookRetryDelay", "00:00:00.050");
        }
    }
}
