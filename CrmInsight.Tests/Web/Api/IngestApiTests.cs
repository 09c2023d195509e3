using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Api;

public sealed class IngestApiTests : IClassFixture<CrmInsightServer>, IClassFixture<PinnedDayServers>, IAsyncLifetime
{
    private readonly CrmInsightServer _server;
    private readonly PinnedDayServers _days;
    private HttpClient _client = null!;
    private HttpClient _writer = null!;
    private string _apiKey = null!;
    private string _displayKey = null!;

    public IngestApiTests(CrmInsightServer server, PinnedDayServers days)
    {
        _server = server;
        _days = days;
    }

    /// <summary>The app's pinned today, so a run across midnight compares the same day before and after.</summary>
    private string Today => _server.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Tomorrow => _server.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await _server.WaitUntilReadyAsync();
        // Reads the KPIs as a signed-in analyst; each ingest request carries its key header.
        _client = await _server.CreateClientAsync(TestUsers.Analyst);
        _writer = _server.CreateAnonymousClient();
        _apiKey = await _server.CreateKeyAsync(AccessKeyKind.Api);
        _displayKey = await _server.CreateKeyAsync(AccessKeyKind.Display);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _writer.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(HttpStatusCode Status, JsonDocument Body)> PostAsync(string kind, string body, string contentType = "application/json", string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ingest/{kind}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if ((key ?? _apiKey) is { Length: > 0 } k)
        {
            request.Headers.Add(IngestEndpoints.KeyHeader, k);
        }
        using var response = await _writer.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<decimal> RevenueTodayAsync()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync($"/api/kpis?ids=revenue&from={Today}&to={Tomorrow}&region=1"));
        return body.RootElement.GetProperty("kpis")[0].GetProperty("value").GetDecimal();
    }

    [Fact]
    public async Task Orders_are_visible_to_the_kpi_api_at_once_and_resending_changes_nothing()
    {
        var before = await RevenueTodayAsync();
        var body = $$"""[{"id":"API-1","date":"{{Today}}","revenue":1000.25,"region":"East China"},{"id":"API-2","date":"{{Today}}","revenue":99.75,"region":"East China","customer":"API-NEW"}]""";

        var (status, result) = await PostAsync("orders", body);
        var again = await PostAsync("orders", body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, result.RootElement.GetProperty("records").GetInt32());
        Assert.Equal(1, result.RootElement.GetProperty("customersCreated").GetInt32());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(2, again.Body.RootElement.GetProperty("replaced").GetInt32());
        Assert.Equal(0, again.Body.RootElement.GetProperty("customersCreated").GetInt32());
        // 1000.25 + 99.75 = 1100, once, although the request was sent twice.
        Assert.Equal(before + 1100m, await RevenueTodayAsync());
    }

    [Fact]
    public async Task Csv_bodies_are_accepted()
    {
        var csv = $"id,customer,category,channel,submitted,first_response,complaint\r\nAPI-T1,,delivery,chat,{Today} 08:00,,no\r\n";

        var (status, result) = await PostAsync("tickets", csv, "text/csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, result.RootElement.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task A_request_with_a_bad_record_is_refused_whole_with_every_problem_listed()
    {
        var before = await RevenueTodayAsync();
        var body = $$"""[{"id":"API-BAD-1","date":"{{Today}}","revenue":500,"region":"East China"},{"id":"API-BAD-2","date":"yesterday","revenue":"lots"}]""";

        var (status, result) = await PostAsync("orders", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problems = result.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(2, p.GetProperty("record").GetInt32()));
        Assert.Equal(["date", "revenue"], problems.Select(p => p.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(before, await RevenueTodayAsync()); // record 1 was valid, and still not written
    }

    /// <summary>An order posted for today counts in today, in the last 7 days and in the year to date, whatever day today is.</summary>
    [Theory]
    [MemberData(nameof(PinnedDays.All), MemberType = typeof(PinnedDays))]
    public async Task An_order_for_today_counts_today_this_week_and_this_year_on_any_day(string day)
    {
        var server = await _days.ForAsync(day);
        using var client = await server.CreateClientAsync(TestUsers.Analyst);
        var key = (await server.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Api, "pinned", CrmInsight.Domain.Filters.IdSet.Empty, "tests")).Secret;
        var today = server.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var windows = new[] { $"from={today}&to={server.Today.AddDays(1):yyyy-MM-dd}", "period=7d", "period=ytd" };
        async Task<decimal[]> RevenuesAsync() => await Task.WhenAll(windows.Select(async w =>
        {
            using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/kpis?ids=revenue&region=1&{w}", UriKind.Relative)));
            return body.RootElement.GetProperty("kpis")[0].GetProperty("value").GetDecimal();
        }));
        var before = await RevenuesAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/ingest/orders", UriKind.Relative))
        {
            Content = new StringContent($$"""[{"id":"DAY-1","date":"{{today}}","revenue":1234.56,"region":"East China"}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IngestEndpoints.KeyHeader, key);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before.Select(b => b + 1234.56m), await RevenuesAsync());
    }

    [Theory]
    [InlineData("orders", "not json", "application/json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("orders", "{\"id\":\"x\"}", "application/json", HttpStatusCode.BadRequest, "JSON array")]
    [InlineData("orders", "[]", "application/json", HttpStatusCode.BadRequest, "no records")]
    [InlineData("orders", "id=1", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "text/csv")]
    [InlineData("invoices", "[]", "application/json", HttpStatusCode.NotFound, "orders, tickets")]
    public async Task Bad_requests_get_a_clear_message(string kind, string body, string contentType, HttpStatusCode expected, string message)
    {
        var (status, result) = await PostAsync(kind, body, contentType);

        Assert.Equal(expected, status);
        Assert.Contains(message, result.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_valid_api_key_nothing_is_written()
    {
        var before = await RevenueTodayAsync();
        var body = $$"""[{"id":"API-NOKEY","date":"{{Today}}","revenue":5,"region":"East China"}]""";

        var none = await PostAsync("orders", body, key: "");
        var wrong = await PostAsync("orders", body, key: "cik_api_not-a-key");
        var display = await PostAsync("orders", body, key: _displayKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, display.Status); // a display key opens the wall and nothing else
        Assert.Equal(before, await RevenueTodayAsync());
    }

    private const string OrderLinesMap = "map=order=InvoiceNo,customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice,region=Country";

    [Fact]
    public async Task Order_lines_take_the_import_mapping_and_rules()
    {
        var before = await RevenueTodayAsync();
        // Two sale lines of one invoice (2 × 10.50 + 1 × 4.00 = 25.00) and a returned line (not revenue).
        var csv = $"InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Country\r\nOL-1,,{Today},2,10.50,East China\r\nOL-1,,{Today},1,4.00,East China\r\nOL-2,,{Today},-1,4.00,East China\r\n";

        var (status, result) = await PostAsync($"order-lines?{OrderLinesMap}", csv, "text/csv");
        var again = await PostAsync($"order-lines?{OrderLinesMap}", csv, "text/csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, result.RootElement.GetProperty("orders").GetInt64());
        Assert.Equal(1, result.RootElement.GetProperty("returnLines").GetInt64());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(before + 25.00m, await RevenueTodayAsync()); // sent twice, counted once
    }

    [Fact]
    public async Task Order_lines_are_strict_one_bad_line_refuses_the_file()
    {
        var before = await RevenueTodayAsync();
        var csv = $"InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Country\r\nOL-9,,{Today},2,10.50,East China\r\nOL-9,,{Today},0,4.00,East China\r\n";

        var (status, result) = await PostAsync($"order-lines?{OrderLinesMap}", csv, "text/csv");
        var badMap = await PostAsync("order-lines?map=order=InvoiceNo", csv, "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(result.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("record").GetInt32() == 3);
        Assert.Equal(before, await RevenueTodayAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badMap.Status);
        Assert.Contains(badMap.Body.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == "map");
    }
}
