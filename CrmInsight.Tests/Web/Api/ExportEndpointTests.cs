using System.Net;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Api;

public sealed class ExportEndpointTests : IClassFixture<CrmInsightServer>, IAsyncLifetime
{
    private readonly CrmInsightServer _server;
    private HttpClient _client = null!;

    public ExportEndpointTests(CrmInsightServer server) => _server = server;

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

    [Fact]
    public async Task Csv_holds_every_filtered_row_in_the_grids_order_with_the_filter_context()
    {
        var filter = DashboardFilter.Default with { Preset = DatePreset.YearToDate, Regions = IdSet.Of(1) };
        var tables = _server.Services.GetRequiredService<TableService>();
        var expected = (await tables.GetPageAsync(TableCatalog.TopCustomers, filter, DataScope.All, TableCatalog.TopCustomers.Request("orders", true, 0, TableDefinition.MaxPageSize))).Rows;

        var response = await _client.GetAsync("/export/top-customers.csv?period=ytd&region=1&sort=orders&desc=1");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = text.Split("\r\n").Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("CrmInsight · Top customers", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l == "Region,East China");
        Assert.Contains(lines, l => l.StartsWith("Sorted by,Orders", StringComparison.Ordinal));
        var header = lines.IndexOf("Customer,Name,Region,Segment,Owner,Revenue,Gross profit,Orders,Last order");
        Assert.True(header > 0, "the header follows the context block");
        var rows = lines.Skip(header + 1).Where(l => l.Length > 0).ToList();
        Assert.True(expected.Count > 10);
        Assert.Equal(expected.Count, rows.Count); // every row, not one page
        Assert.Equal(expected.Select(r => r.GetString("customer_code")), rows.Select(r => r.Split(',')[0]));
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
