using System.Text.RegularExpressions;
using CrmInsight.Tests.TestSupport;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Browser;

/// <summary>The Overview as a user sees it: Chromium against the real server on 127.0.0.1.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OverviewBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int ExpectedCharts = 2; // the trend and the region chart (plotly)
    private const int ExpectedSparklines = 25; // one per tile (SVG, drawn with the tile)

    [Fact]
    public async Task Shows_the_charts_and_a_filter_change_updates_the_tiles()
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

        await page.GotoAsync(browser.Url("/"));
        await WaitForChartsAsync(page);
        var revenue = page.Locator("[data-testid=kpi-value-revenue]");
        var before = await revenue.InnerTextAsync();
        Assert.Matches(@"^¥[\d.,]+[KM]?$", before);

        var screenshot = Path.Combine(BrowserFixture.ScreenshotFolder, "overview.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot shows a rendered page");

        await page.Locator("[data-testid=period-select]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Last 7 days" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"period=7d"), BrowserFixture.UrlWait);
        await BrowserFixture.WaitForReadyAsync(page);
        await Assertions.Expect(revenue).Not.ToHaveTextAsync(before);
        Assert.Matches(@"^¥[\d.,]+[KM]?$", await revenue.InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_link_restores_its_filters_and_names_what_it_ignored()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(browser.Url("/?period=ytd&compare=yoy&region=1&segment=abc"));
        await WaitForChartsAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=filter-problems]")).ToContainTextAsync("'abc' is not a valid value for 'segment'");
        await Assertions.Expect(page.Locator("[data-testid=chip-region-1]")).ToContainTextAsync("Region: East China");
        await Assertions.Expect(page.Locator("[data-testid=period-select]")).ToHaveTextAsync("Year to date");
        // A KPI the region filter does not apply to says so.
        await Assertions.Expect(page.Locator("[data-testid=kpi-ignored-cac]")).ToContainTextAsync("Region");
    }

    [Fact]
    public async Task Clicking_a_tile_opens_its_definition_and_the_url_remembers_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/"));
        await WaitForChartsAsync(page);

        await page.Locator("[data-testid=kpi-tile-churn_rate]").ClickAsync();

        var panel = page.Locator("[data-testid=kpi-detail]");
        await Assertions.Expect(panel).ToContainTextAsync("Churn rate");
        await Assertions.Expect(page.Locator("[data-testid=kpi-formula]")).ToContainTextAsync("customers active in P' and not in P");
        Assert.True(await page.Locator("[data-testid=kpi-input]").CountAsync() >= 2, "the numbers behind the KPI are listed");
        Assert.Contains("kpi=churn_rate", page.Url, StringComparison.Ordinal);

        await page.Locator("[data-testid=kpi-detail-close]").ClickAsync();
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        Assert.DoesNotContain("kpi=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_a_region_bar_filters_by_that_region()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/"));
        await WaitForChartsAsync(page);

        // Plotly listens on its drag layer above the bars and clicks what the pointer hovers:
        // move onto the bar, then click there, once. A ready page has its charts listening.
        var chart = page.Locator("[data-testid=region-chart]");
        await ChartClicks.ClickAsync(page, chart, chart.Locator("g.trace.bars").Last.Locator("g.point path").First);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"region=\d+"), BrowserFixture.UrlWait);
        await Assertions.Expect(page.Locator(".mud-chip", new PageLocatorOptions { HasText = "Region:" })).ToHaveCountAsync(1);
    }

    private static async Task WaitForChartsAsync(IPage page)
    {
        await BrowserFixture.WaitForReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-revenue]")).ToBeVisibleAsync();
        // Ready means drawn: every chart has its plot.
        Assert.Equal(ExpectedCharts, await page.Locator(".js-plotly-plot").CountAsync());
        Assert.Equal(0, await page.Locator(".js-plotly-plot:not(:has(.main-svg))").CountAsync());
        Assert.Equal(ExpectedSparklines, await page.Locator("[data-testid=sparkline]:has([data-testid=sparkline-line])").CountAsync());
    }
}
