using System.Net;
using System.Text;
using System.Text.Json;
using CrmInsight.Tests.Domain.Import;
using CrmInsight.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Browser;

/// <summary>
/// The empty-start path: the app on a new database with Demo:Enabled=false, a CSV uploaded on the
/// Import page (mapping guessed, preview checked, imported), then the API and the Overview on
/// that data alone.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ImportBrowserTests(ImportBrowserTests.EmptyStartBrowser browser) : IClassFixture<ImportBrowserTests.EmptyStartBrowser>
{
    [Fact]
    public async Task Uploads_a_retail_export_and_the_dashboard_shows_its_numbers()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(browser.Url("/import"));
        // Chosen once, as soon as the input exists: before or while the circuit wires it up.
        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(new FilePayload { Name = "retail.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(OrderLineImportTests.Retail) });
        // Guessed from the header: InvoiceNo → order, CustomerID → customer, Country → region ...
        await Assertions.Expect(page.Locator("[data-testid=import-preview-verdict]"))
            .ToContainTextAsync("Of the first 10 lines, 6 would be imported and 4 rejected.");
        var preview = page.Locator("[data-testid=import-preview]");
        await Assertions.Expect(preview.Locator("thead")).ToHaveTextAsync("LineordercustomerdatequantitypriceproductregionCheck");
        await Assertions.Expect(preview.Locator("tbody tr").First).ToHaveTextAsync("2A1C12024-03-05 10:00210.50XFranceOK");
        await Assertions.Expect(preview).ToContainTextAsync("quantity is 0 ('0')");
        await Assertions.Expect(preview.Locator("tbody tr").Nth(3)).ToContainTextAsync("OK: returned line"); // line 5, C9

        await page.Locator("[data-testid=import-start]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("Imported in one transaction");
        var summary = page.Locator("[data-testid=import-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("Orders created");
        await Assertions.Expect(page.Locator("[data-testid=import-reasons]")).ToContainTextAsync("date is not a date");
        await Assertions.Expect(page.Locator("[data-testid=import-rejected]")).ToContainTextAsync("2024-13-40");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "import.png"), FullPage = true });

        using var client = await browser.Server.CreateClientAsync(TestUsers.Analyst);
        using var response = await client.GetAsync(new Uri("/api/kpis?ids=revenue,orders,returns_value,complaint_rate,csat&from=2024-03-01&to=2024-04-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var kpis = json.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!, k => k.GetProperty("value"));
        Assert.Equal(1031.35m, kpis["revenue"].GetDecimal());
        Assert.Equal(3m, kpis["orders"].GetDecimal());
        Assert.Equal(14.75m, kpis["returns_value"].GetDecimal());
        Assert.Equal(JsonValueKind.Null, kpis["complaint_rate"].ValueKind); // no tickets imported: no data, not 0
        Assert.Equal(JsonValueKind.Null, kpis["csat"].ValueKind);

        // Every view works with only order lines.
        await page.GotoAsync(browser.Url("/?from=2024-03-01&to=2024-04-01"));
        await BrowserFixture.WaitForReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-revenue]")).ToHaveTextAsync("¥1,031.35");
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-complaint_rate]")).ToHaveTextAsync("—");
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-csat]")).ToHaveTextAsync("—");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "overview-after-import.png"), FullPage = true });
        foreach (var (view, tile) in new[] { ("/contribution", "revenue"), ("/retention", "new_customers"), ("/drill", "revenue") })
        {
            await page.GotoAsync(browser.Url(view + "?from=2024-03-01&to=2024-04-01"));
            await BrowserFixture.WaitForReadyAsync(page);
            if (view == "/drill")
            {
                await Assertions.Expect(page.Locator("table")).ToContainTextAsync("France");
                continue;
            }
            await Assertions.Expect(page.Locator($"[data-testid=kpi-value-{tile}]").First).ToHaveTextAsync(tile == "revenue" ? "¥1,031.35" : "2");
        }
        Assert.Empty(errors);
    }

    /// <summary>The real app on a new database that starts empty, and Chromium.</summary>
    public sealed class EmptyStartBrowser() : BrowserFixture(new EmptyStartServer());

    public sealed class EmptyStartServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", "false");
        }
    }
}
