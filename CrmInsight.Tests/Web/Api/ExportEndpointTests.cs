using System.Globalization;
using System.Net;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Live;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Sylvan.Data.Csv;

namespace CrmInsight.Tests.Web.Api;

public sealed class ExportEndpointTests : IClassFixture<CrmInsightServer>, IClassFixture<PinnedDayServers>, IAsyncLifetime
{
    private readonly CrmInsightServer _server;
    private readonly PinnedDayServers _days;
    private HttpClient _client = null!;

    public ExportEndpointTests(CrmInsightServer server, PinnedDayServers days)
    {
        _server = server;
        _days = days;
    }

    public async Task InitializeAsync()
    {
        await _server.WaitUntilReadyAsync();
        _client = await _server.CreateClientAsync(TestUsers.Analyst);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Customers whose names need CSV quoting, each with one order on the pinned today in region 1.
    /// The formula-like name is exported neutralised (<see cref="FormulaNameAsExported"/>).
    /// </summary>
    private static readonly (string Name, decimal Revenue, decimal Cost)[] Tricky =
    [
        ("Quote \"Q\" Ltd", 901.10m, 400.00m),
        ("Comma, Inc", 902.20m, 450.00m),
        ("Line\nBreak & Co", 903.30m, 300.30m),
        ("=1+1", 904.40m, 4.40m),
    ];

    private const string FormulaNameAsExported = "'=1+1"; // neutralised (OWASP CSV injection): a spreadsheet shows it as text

    [Theory]
    [MemberData(nameof(PinnedDays.All), MemberType = typeof(PinnedDays))]
    public async Task Csv_holds_every_filtered_row_sorted_with_the_filter_context_and_quotes_what_needs_it(string day)
    {
        var server = await _days.ForAsync(day);
        await AddTrickyCustomersAsync(server);
        using var client = await server.CreateClientAsync(TestUsers.Analyst);

        var response = await client.GetAsync(new Uri("/export/top-customers.csv?period=ytd&region=1&sort=orders&desc=1", UriKind.Relative));
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var records = ParseCsv(text);
        Assert.StartsWith("CrmInsight · Top customers", records[0][0], StringComparison.Ordinal);
        Assert.Contains(records, r => r is ["Region", "East China"]);
        Assert.Contains(records, r => r.Length == 2 && r[0] == "Sorted by" && r[1].StartsWith("Orders", StringComparison.Ordinal));
        var header = records.FindIndex(r => r.SequenceEqual(["Customer", "Name", "Region", "Segment", "Owner", "Revenue", "Gross profit", "Orders", "Last order"]));
        Assert.True(header > 0, "the header follows the context block");
        var rows = records.Skip(header + 1).ToList();

        // Year to date of the pinned today, worked out here: [1 January, today + 1).
        var from = new DateOnly(server.Today.Year, 1, 1);
        var expected = await ExpectedTopCustomersAsync(server, from, server.Today.AddDays(1));
        Assert.True(expected.Count >= Tricky.Length, "at least the customers this test added");
        Assert.Equal(expected.Count, rows.Count); // every row, not one page
        Assert.All(rows, r => Assert.Equal(9, r.Length));
        Assert.Equal(
            expected.Select(e => $"{e.Code}|{(e.Name == "=1+1" ? FormulaNameAsExported : e.Name)}|{e.Revenue:F2}|{e.GrossProfit:F2}|{e.Orders}|{e.LastOrder:yyyy-MM-dd}").Order(StringComparer.Ordinal),
            rows.Select(r => $"{r[0]}|{r[1]}|{decimal.Parse(r[5], CultureInfo.InvariantCulture):F2}|{decimal.Parse(r[6], CultureInfo.InvariantCulture):F2}|{r[7]}|{r[8]}").Order(StringComparer.Ordinal));
        var orders = rows.Select(r => int.Parse(r[7], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(orders.OrderDescending(), orders); // sorted by orders, most first

        // Quotes, commas and line breaks survive a real CSV parser; the raw text quotes them.
        var names = rows.Select(r => r[1]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Quote \"Q\" Ltd", names);
        Assert.Contains("Comma, Inc", names);
        Assert.Contains("Line\nBreak & Co", names);
        Assert.Contains(FormulaNameAsExported, names);
        Assert.Contains("\"Quote \"\"Q\"\" Ltd\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Comma, Inc\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Line\nBreak & Co\"", text, StringComparison.Ordinal);
    }

    private static List<string[]> ParseCsv(string text)
    {
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString)]);
        }
        return [.. records.Where(r => r is not ([] or [""]))];
    }

    /// <summary>Adds <see cref="Tricky"/> once per server, straight into its database, as a write would (data version bumped).</summary>
    private static async Task AddTrickyCustomersAsync(CrmInsightServer server)
    {
        var database = server.Services.GetRequiredService<ICrmDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_customer WHERE customer_code LIKE 'CSV-%'") > 0)
        {
            return;
        }
        for (var i = 0; i < Tricky.Length; i++)
        {
            var (name, revenue, cost) = Tricky[i];
            await connection.ExecuteAsync(
                "INSERT INTO dim_customer VALUES ($id, $code, $name, NULL, NULL, NULL, 1, 1, NULL, $today, NULL, NULL, $at)",
                new { id = 9_000_001L + i, code = $"CSV-{i}", name, today = server.Today, at = server.Today.ToDateTime(TimeOnly.MinValue) });
            await connection.ExecuteAsync(
                "INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) "
                + "VALUES ($id, $code, $customer, $today, NULL, NULL, 1, 1, NULL, NULL, NULL, $revenue, $cost, 1, 0, 'completed')",
                new { id = 9_000_001L + i, code = $"CSV-O{i}", customer = 9_000_001L + i, today = server.Today, revenue, cost });
        }
        await server.Services.GetRequiredService<DataVersionStore>().BumpAsync(connection, null);
        await server.Services.GetRequiredService<DataChangeMonitor>().RefreshAsync();
    }

    /// <summary>The top customers of region 1 in [from, to), in plain SQL written here (KPIS.md: a sale is a completed order with revenue).</summary>
    private static async Task<List<(string Code, string Name, decimal Revenue, decimal GrossProfit, long Orders, DateOnly LastOrder)>> ExpectedTopCustomersAsync(
        CrmInsightServer server, DateOnly from, DateOnly to)
    {
        await using var connection = await server.Services.GetRequiredService<ICrmDatabase>().OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, string, decimal, decimal, long, DateTime)>("""
            SELECT c.customer_code, c.name, CAST(SUM(o.revenue) AS DECIMAL(18,2)), CAST(SUM(o.revenue - o.cost) AS DECIMAL(18,2)),
                   COUNT(*), CAST(MAX(o.order_date) AS TIMESTAMP)
            FROM fact_order o JOIN dim_customer c ON c.customer_id = o.customer_id
            WHERE o.order_date >= $from AND o.order_date < $to AND o.region_id = 1
              AND o.status <> 'cancelled' AND o.revenue > 0
            GROUP BY c.customer_code, c.name
            """, new { from, to });
        return [.. rows.Select(r => (r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, DateOnly.FromDateTime(r.Item6)))];
    }

    [Fact]
    public async Task Xlsx_is_a_workbook_with_the_rows_and_an_about_sheet()
    {
        var response = await _client.GetAsync("/export/drill.xlsx?period=90d&level=team");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Data", "About"], sheets);
        var data = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = data.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(12, rows.Count); // header, the 10 teams, and the sales no team made (anonymous store sales)
        Assert.Equal("Name", rows[0].Descendants<Cell>().First().InnerText);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, rows[1].Descendants<Cell>().ElementAt(1).DataType!.Value);
    }

    [Theory]
    [InlineData("/export/top-customers.csv?sort=colour", "colour")]
    [InlineData("/export/top-customers.csv?region=abc", "abc")]
    [InlineData("/export/top-customers.csv?desc=maybe", "maybe")]
    [InlineData("/export/drill.csv?level=planet", "planet")]
    [InlineData("/export/customer-orders.csv?customer=x", "x")]
    [InlineData("/export/tickets.csv?ticket_by=planet&ticket_member=mars", "planet")]
    [InlineData("/export/top-customers.csv?bogus=1", "bogus")]
    public async Task Bad_parameters_are_a_400_naming_them(string url, string named)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_export_is_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/export/everything.pdf")).StatusCode);
}
