using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Api;

/// <summary>
/// Every ingest kind — order lines included — is held to <c>Ingest:MaxBodyBytes</c>,
/// <c>Ingest:MaxRecords</c> and the CSV field/record caps, with a clear answer and nothing written.
/// The server runs with tight limits so the bodies stay tiny.
/// </summary>
[Collection(TightLimitsServer.Collection)]
public sealed class IngestLimitsTests : IAsyncLifetime
{
    private const string OrderLinesMap = "map=order=InvoiceNo,customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice,region=Country";
    private readonly TightLimitsServer _server;
    private HttpClient _client = null!;
    private string _apiKey = null!;

    public IngestLimitsTests(TightLimitsServer server) => _server = server;

    // The server's pinned today (TightLimitsServer keeps the default day; InitializeAsync checks it),
    // static because the theory data is.
    private static readonly DateOnly ServerToday = DateOnly.FromDateTime(PinnedDays.Ordinary.UtcDateTime);

    private static string Today => ServerToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await _server.WaitUntilReadyAsync();
        Assert.Equal(ServerToday, _server.Today);
        _client = await _server.CreateClientAsync(TestUsers.Analyst); // reads the counts; each ingest request sends its key
        _apiKey = (await _server.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Api, "limits", CrmInsight.Domain.Filters.IdSet.Empty, "tests")).Secret;
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string> OverlongBodies => new()
    {
        // 3 000 bytes against Ingest:MaxBodyBytes = 2 048, for a JSON kind, a CSV kind and order lines.
        { "orders", "application/json", "[" + string.Join(",", Enumerable.Range(0, 120).Select(i => $"{{\"id\":\"BIG-{i}\",\"revenue\":1}}")) + "]" },
        { "tickets", "text/csv", "id,category,channel,submitted\n" + string.Join("\n", Enumerable.Range(0, 80).Select(i => $"BIG-T{i},delivery,chat,2026-01-01 08:00")) },
        { $"order-lines?{OrderLinesMap}", "text/csv", OrderLines(90) },
    };

    [Theory]
    [MemberData(nameof(OverlongBodies))]
    public async Task A_body_over_the_byte_limit_is_413_whether_its_length_is_announced_or_chunked(string kind, string contentType, string body)
    {
        Assert.True(Encoding.UTF8.GetByteCount(body) > 2048);
        var before = await OrdersTodayAsync();

        var announced = await PostAsync(kind, new StringContent(body, Encoding.UTF8, contentType));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))); // no Content-Length: sent chunked
        chunked.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var streamed = await PostAsync(kind, chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.Status);
        Assert.Contains("larger than 2,048 bytes", announced.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.Status);
        Assert.Equal(before, await OrdersTodayAsync());
    }

    [Theory]
    [InlineData("orders", "application/json")]
    [InlineData("orders", "text/csv")]
    [InlineData("order-lines", "text/csv")]
    public async Task More_records_than_the_limit_are_refused_whole(string kind, string contentType)
    {
        // Four records against Ingest:MaxRecords = 3.
        var body = (kind, contentType) switch
        {
            ("orders", "application/json") => "[" + string.Join(",", Enumerable.Range(0, 4).Select(i => $"{{\"id\":\"MANY-{i}\",\"date\":\"{Today}\",\"revenue\":1}}")) + "]",
            ("orders", _) => "id,date,revenue\n" + string.Join("\n", Enumerable.Range(0, 4).Select(i => $"MANY-C{i},{Today},1")),
            _ => OrderLines(4),
        };
        var path = kind == "order-lines" ? $"order-lines?{OrderLinesMap}" : kind;
        var before = await OrdersTodayAsync();

        var (status, detail) = await PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 3", detail, StringComparison.Ordinal);
        Assert.Equal(before, await OrdersTodayAsync());
    }

    [Theory]
    [InlineData("orders", "id,date,revenue\nLONG-1,{today},1\nLONG-2,{today},{long}\n", "Line 3, column 3")]
    [InlineData("order-lines", "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Country\nLONG-OL,{long},{today},1,1,East China\n", "Line 2, column 2")]
    [InlineData("orders", "id,date,revenue\nQ-1,{today},\"1\nQ-2,{today},2\n", "never closed")]
    public async Task Csv_fields_over_the_cap_and_unclosed_quotes_are_named_and_nothing_is_written(string kind, string template, string expected)
    {
        // Csv:MaxFieldLength = 64: a 65-character field is one too many.
        var body = template.Replace("{today}", Today, StringComparison.Ordinal).Replace("{long}", new string('9', 65), StringComparison.Ordinal);
        var path = kind == "order-lines" ? $"order-lines?{OrderLinesMap}" : kind;
        var before = await OrdersTodayAsync();

        var (status, detail) = await PostAsync(path, new StringContent(body, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Equal(before, await OrdersTodayAsync());
    }

    private static string OrderLines(int count) =>
        "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Country\n" +
        string.Join("\n", Enumerable.Range(0, count).Select(i => $"LIM-{i},,{Today},1,2.00,East China"));

    private async Task<(HttpStatusCode Status, string Detail)> PostAsync(string kind, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ingest/{kind}") { Content = content };
        request.Headers.Add(IngestEndpoints.KeyHeader, _apiKey);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var detail = json.RootElement.GetProperty("detail").GetString() ?? "";
        if (json.RootElement.TryGetProperty("problems", out var problems))
        {
            detail += " " + string.Join(" ", problems.EnumerateArray().Select(p => p.GetProperty("message").GetString()));
        }
        return (response.StatusCode, detail);
    }

    private async Task<decimal> OrdersTodayAsync()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync($"/api/kpis?ids=orders&from={Today}&to={ServerToday.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
        return body.RootElement.GetProperty("kpis")[0].GetProperty("value").GetDecimal();
    }
}
