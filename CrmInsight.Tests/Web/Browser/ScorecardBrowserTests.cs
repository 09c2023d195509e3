using System.Text.RegularExpressions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Browser;

/// <summary>The scorecard, data health and alert pages, the red KPIs on the Overview and the wall, in Chromium.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScorecardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Quarter = "from=2025-04-01&to=2025-07-01";

    /// <summary>"Our CRM scores N; this perspective drags it down" — and why, in two clicks: the perspective, then the KPI.</summary>
    [Fact]
    public async Task Two_clicks_lead_from_the_total_to_the_inputs_of_a_kpis_score()
    {
        // Ready: the scores, the perspectives and the quarterly trend chart are drawn.
        var page = await browser.OpenAsync($"/scorecard?{Quarter}");

        await Assertions.Expect(page.Locator("[data-testid=scorecard-score]")).ToHaveTextAsync(new Regex(@"^\d+\.\d$"));
        await Assertions.Expect(page.Locator("[data-testid=scorecard-grade]")).ToHaveTextAsync(new Regex("^(Excellent|Good|Pass|Fail)$"));
        await Assertions.Expect(page.Locator("[data-testid=score-trend-chart] .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "scorecard.png"), FullPage = true });

        await page.Locator("[data-testid=perspective-customer]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("perspective=customer"), BrowserFixture.UrlWait);
        await BrowserFixture.WaitForReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=perspective-kpis-customer]")).ToContainTextAsync("Complaint rate");

        await page.Locator("[data-testid=scorecard-kpi-complaint_rate]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("kpi=complaint_rate"), BrowserFixture.UrlWait);
        await BrowserFixture.WaitForReadyAsync(page);
        var detail = page.Locator("[data-testid=scorecard-kpi-detail]");
        await Assertions.Expect(detail).ToContainTextAsync("Complaint rate");
        await Assertions.Expect(page.Locator("[data-testid=detail-target]")).ToHaveTextAsync("0.80%");
        await Assertions.Expect(page.Locator("[data-testid=detail-standard]")).ToHaveTextAsync("Objective value");
        await Assertions.Expect(page.Locator("[data-testid=detail-actual]")).ToHaveTextAsync(new Regex(@"^\d+\.\d\d%$"));
        await Assertions.Expect(page.Locator("[data-testid=detail-formula]")).ToContainTextAsync("Lower is better: 100 × target / actual");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "scorecard-kpi.png") });
    }

    [Fact]
    public async Task Data_health_shows_completeness_by_field_freshness_by_table_and_the_records_to_fix()
    {
        var page = await browser.OpenAsync("/data-health");

        await Assertions.Expect(page.Locator("[data-testid=writes-by-table] tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("[data-testid=completeness-by-field] tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-data_completeness]")).ToHaveTextAsync(new Regex(@"^\d+\.\d%$"));
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-freshness]")).Not.ToHaveTextAsync("—");
        // The demo leaves about 2 % of customers without a contact: there are records to fix, and they export.
        await Assertions.Expect(page.Locator("[data-testid=table-incomplete-customers] tbody tr").First).ToContainTextAsync("C0");
        Assert.Contains("/export/incomplete-customers.csv", await page.Locator("[data-testid=export-csv-incomplete-customers]").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "data-health.png"), FullPage = true });
    }

    /// <summary>A rule made on the page (churn over the last 7 days above 0: surely true) is evaluated when saved, fires and is listed in the history.</summary>
    [Fact]
    public async Task An_alert_rule_made_on_the_page_is_evaluated_at_once_and_its_firing_listed()
    {
        var page = await browser.OpenAsync("/alerts?period=7d");

        await page.Locator("[data-testid=alert-new]").ClickAsync();
        // MudBlazor puts a field's attributes on the input itself.
        await page.Locator("input[data-testid=alert-name]").FillAsync("Churn this week");
        await page.Locator("input[data-testid=alert-threshold]").FillAsync("0");
        await page.Locator("[data-testid=alert-save]").ClickAsync();

        var rules = page.Locator("[data-testid=alert-rules] tbody tr", new PageLocatorOptions { HasText = "Churn this week" });
        await Assertions.Expect(rules).ToContainTextAsync("Firing");
        await Assertions.Expect(rules).ToContainTextAsync("period=7d");
        await Assertions.Expect(page.Locator("[data-testid=alert-history] tbody tr", new PageLocatorOptions { HasText = "Churn this week" })).ToContainTextAsync("Fired");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "alerts.png"), FullPage = true });
    }

    /// <summary>Tiles carry their scorecard status; the red ones are listed above the tiles and open their inputs on the Scorecard page.</summary>
    [Fact]
    public async Task The_overview_colours_tiles_and_lists_the_red_kpis()
    {
        var page = await browser.OpenAsync($"/?{Quarter}");

        await Assertions.Expect(page.Locator("[data-testid=kpi-tile-csat]")).ToHaveAttributeAsync("data-status", new Regex("^(red|amber|green)$"));
        // Revenue is on no scorecard: no status.
        Assert.Null(await page.Locator("[data-testid=kpi-tile-revenue]").GetAttributeAsync("data-status"));
        var red = page.Locator("[data-testid=red-kpis] a.red-kpi");
        await Assertions.Expect(page.Locator("[data-testid=red-kpis-score]")).ToContainTextAsync("Scorecard");
        // Each red KPI the Overview has a tile for is a red tile: one rule, one colour.
        foreach (var id in await red.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.testid.substring('red-kpi-'.length))"))
        {
            var tile = page.Locator($"[data-testid=kpi-tile-{id}]");
            if (await tile.CountAsync() > 0)
            {
                await Assertions.Expect(tile).ToHaveAttributeAsync("data-status", "red");
            }
        }
        if (await red.CountAsync() > 0)
        {
            await red.First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/scorecard\?.*kpi="), BrowserFixture.UrlWait);
            await BrowserFixture.WaitForReadyAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=scorecard-kpi-detail]")).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task The_wall_shows_the_scorecard_and_the_red_kpis()
    {
        var keys = browser.Server.Services.GetRequiredService<AccessKeyStore>();
        var display = await keys.CreateAsync(AccessKeyKind.Display, "boardroom", IdSet.Empty, "tests");
        var page = await browser.NewPageAsync(1920, 1080);

        await page.GotoAsync(browser.Url($"/wall?key={Uri.EscapeDataString(display.Secret)}&views=scorecard&{Quarter}"));
        await BrowserFixture.WaitForReadyAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=wall-scorecard-score]")).ToHaveTextAsync(new Regex(@"^\d+\.\d$"));
        await Assertions.Expect(page.Locator("[data-testid=wall-view-title]")).ToHaveTextAsync("Balanced scorecard");
        await Assertions.Expect(page.Locator("[data-testid=red-kpis]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "wall-scorecard.png") });
    }
}
