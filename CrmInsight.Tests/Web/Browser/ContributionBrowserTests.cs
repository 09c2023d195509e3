using System.Text.RegularExpressions;
using CrmInsight.Tests.TestSupport;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Browser;

/// <summary>Cross-filtering, drilling to one customer's orders and exporting them, as an analyst would.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContributionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Clicking_a_bar_adds_a_chip_and_the_other_charts_follow()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/contribution?period=ytd"));
        await BrowserFixture.WaitForReadyAsync(page);
        Assert.True(await page.Locator("[data-testid=pareto-chart] .main-svg").CountAsync() > 0, "ready means the charts are drawn");
        var customersBefore = await page.Locator("[data-testid=kpi-value-active_customers]").InnerTextAsync();
        var firstRowBefore = await page.Locator("[data-testid=table-top-customers] tbody tr").First.InnerTextAsync();

        var regions = page.Locator("[data-testid=member-chart-region]");
        await ChartClicks.ClickAsync(page, regions, regions.Locator("g.trace.bars").Last.Locator("g.point path").First);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"region=\d+"), BrowserFixture.UrlWait);
        await BrowserFixture.WaitForReadyAsync(page);
        var chip = page.Locator(".mud-chip", new PageLocatorOptions { HasText = "Region:" });
        await Assertions.Expect(chip).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-active_customers]")).Not.ToHaveTextAsync(customersBefore);
        await Assertions.Expect(page.Locator("[data-testid=member-chart-region] g.trace.bars").Last.Locator("g.point")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=table-top-customers] tbody tr").First).Not.ToHaveTextAsync(firstRowBefore);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "contribution-filtered.png"), FullPage = true });

        // The chip removes the filter again.
        await chip.Locator(".mud-chip-close-button").ClickAsync();
        await Assertions.Expect(chip).ToHaveCountAsync(0);
        Assert.DoesNotContain("region=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drills_from_region_to_one_customers_orders_and_exports_what_the_grid_shows()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/drill?period=ytd&channel=1"));

        var table = page.Locator("[data-testid=table-drill]");
        foreach (var (level, title, next, nextTitle) in new[] { ("region", "Regions", "team", "Teams"), ("team", "Teams", "rep", "Reps"), ("rep", "Reps", "customer", "Customers") })
        {
            // Click only once the grid shows this level, not the rows of the one before.
            await Assertions.Expect(table.Locator(".mud-table-toolbar")).ToContainTextAsync(title);
            var rows = table.Locator("tbody tr.clickable-row");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            await rows.First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"level={next}"), BrowserFixture.UrlWait);
            await Assertions.Expect(table.Locator(".mud-table-toolbar")).ToContainTextAsync(nextTitle);
            Assert.Contains($"{level}=", page.Url, StringComparison.Ordinal);
            Assert.Contains("channel=1", page.Url, StringComparison.Ordinal); // filters survive every step
        }
        await Assertions.Expect(page.Locator("[data-testid=drill-breadcrumb] [data-testid=crumb]")).ToHaveCountAsync(3);

        await BrowserFixture.WaitForReadyAsync(page);
        await page.Locator("[data-testid=table-drill] tbody tr.clickable-row").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/customers/\d+\?.*channel=1"), BrowserFixture.UrlWait);
        await Assertions.Expect(page.Locator("[data-testid=customer-profile]")).ToBeVisibleAsync();
        var grid = page.Locator("[data-testid=table-customer-orders] tbody tr");
        await Assertions.Expect(grid.First).ToBeVisibleAsync();
        var gridOrders = (await grid.Locator("td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.NotEmpty(gridOrders);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv-customer-orders]").ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path!)).ToList();
        var header = lines.FindIndex(l => l.StartsWith("Order,Date,", StringComparison.Ordinal));
        Assert.True(header > 0, "the export starts with its filter context");
        Assert.Contains(lines.Take(header), l => l.StartsWith("Sales channel,", StringComparison.Ordinal));
        var exported = lines.Skip(header + 1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(gridOrders, exported.Take(gridOrders.Count));
    }

    /// <summary>
    /// The lost-click bug: a click that landed while the grid re-read its rows did nothing (each
    /// re-read replaced every row component, and Blazor drops a click for a disposed one).
    /// </summary>
    [Fact]
    public async Task A_row_clicked_right_after_a_filter_change_drills_down_with_that_filter()
    {
        var page = await browser.OpenAsync("/drill?period=ytd");
        var table = page.Locator("[data-testid=table-drill]");
        await Assertions.Expect(table.Locator(".mud-table-toolbar")).ToContainTextAsync("Regions");

        await page.Locator("[data-testid=period-select]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Last 7 days" }).ClickAsync();
        // At once, while the grid re-reads its rows for the new period: one click.
        await table.Locator("tbody tr.clickable-row").First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("level=team"), BrowserFixture.UrlWait);
        Assert.Contains("period=7d", page.Url, StringComparison.Ordinal); // the click kept the new period
        Assert.Matches(@"region=\d+", page.Url);
        await BrowserFixture.WaitForReadyAsync(page);
        await Assertions.Expect(table.Locator(".mud-table-toolbar")).ToContainTextAsync("Teams");
    }

    /// <summary>
    /// The URL is the state, the grid's too: sorted by orders (ascending: a header's first click)
    /// and on its second page, the top-customers grid comes back exactly so after a reload.
    /// </summary>
    [Fact]
    public async Task A_sorted_paged_table_survives_a_reload()
    {
        var page = await browser.OpenAsync("/contribution?period=ytd");
        var table = page.Locator("[data-testid=table-top-customers]");
        await Assertions.Expect(table.Locator("tbody tr.clickable-row").First).ToBeVisibleAsync();

        await table.Locator("th .mud-table-sort-label", new LocatorLocatorOptions { HasText = "Orders" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"top-customers\.sort=orders&top-customers\.desc=0"), BrowserFixture.UrlWait);
        await BrowserFixture.WaitForReadyAsync(page);
        await table.Locator(".mud-table-pagination-actions button").Nth(2).ClickAsync(); // first, previous, next, last
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"top-customers\.page=2"), BrowserFixture.UrlWait);
        await BrowserFixture.WaitForReadyAsync(page);
        await Assertions.Expect(table.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync("26-50 of");
        var rows = await Rows(table);
        var pager = await table.Locator(".mud-table-pagination-caption").Last.InnerTextAsync();
        Assert.Equal(25, rows.Count);
        Assert.Contains("period=ytd", page.Url, StringComparison.Ordinal);

        await page.ReloadAsync();
        await BrowserFixture.WaitForReadyAsync(page);

        Assert.Equal(rows, await Rows(table));
        Assert.Equal(pager, await table.Locator(".mud-table-pagination-caption").Last.InnerTextAsync());
        var orders = table.Locator("th", new LocatorLocatorOptions { HasText = "Orders" }).Locator(".mud-table-sort-label");
        await Assertions.Expect(orders).ToHaveClassAsync(new Regex("mud-table-sort-label"));
        await Assertions.Expect(orders.Locator(".mud-direction-asc")).ToHaveCountAsync(1);
        // The orders column ascends down the page, as the grid was sorted.
        var counts = (await table.Locator("tbody tr td[data-label=Orders]").AllInnerTextsAsync())
            .Select(t => int.Parse(t.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-US"))).ToList();
        Assert.Equal(counts.Order(), counts);
        // The export follows the grid's order.
        await Assertions.Expect(page.Locator("[data-testid=export-csv-top-customers]")).ToHaveAttributeAsync("href", new Regex(@"sort=orders&desc=0"));
    }

    /// <summary>A sort column that does not sort and a page that is no page number are named on the grid, which shows its default.</summary>
    [Fact]
    public async Task A_bad_sort_or_page_in_the_address_is_named_and_the_grid_shows_its_default()
    {
        var page = await browser.OpenAsync("/contribution?period=ytd&top-customers.sort=owner&top-customers.page=0");
        var table = page.Locator("[data-testid=table-top-customers]");
        var problems = page.Locator("[data-testid=filter-problems]");
        await Assertions.Expect(problems).ToContainTextAsync("'owner' is not a valid value for 'top-customers.sort'");
        await Assertions.Expect(problems).ToContainTextAsync("'0' is not a valid value for 'top-customers.page'");
        await Assertions.Expect(table.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync("1-25 of");
        await Assertions.Expect(table.Locator("th", new LocatorLocatorOptions { HasText = "Revenue" }).First.Locator(".mud-direction-desc")).ToHaveCountAsync(1);
        Assert.Contains("period=ytd", page.Url, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> Rows(ILocator table) =>
        [.. (await table.Locator("tbody tr").AllInnerTextsAsync()).Select(t => t.Trim())];

    [Fact]
    public async Task Retention_shows_cohorts_trends_and_the_churned_customers_behind_the_rate()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/retention?period=ytd&compare=yoy"));
        await BrowserFixture.WaitForReadyAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=cohort-heatmap] .main-svg").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=kpi-trend-chart] .main-svg").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=revenue-mix-chart] .main-svg").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-churn_rate]")).ToHaveTextAsync(new Regex(@"^\d+\.\d%$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "retention.png"), FullPage = true });

        var churned = page.Locator("[data-testid=table-churned-customers] tbody tr.clickable-row");
        await Assertions.Expect(page.Locator("[data-testid=loading]")).ToHaveCountAsync(0);
        await Assertions.Expect(churned.First).ToBeVisibleAsync();
        var name = (await churned.First.Locator("td").Nth(1).InnerTextAsync()).Trim();
        await churned.First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/customers/\d+\?.*compare=yoy"), BrowserFixture.UrlWait);
        await Assertions.Expect(page.Locator("[data-testid=customer-profile]")).ToContainTextAsync(name);
    }

    /// <summary>
    /// In zh-CN the charts use plotly's zh-CN locale (wwwroot/js/plotly-locale-zh-cn.js, picked by
    /// the UI culture): the month axis of the retention trends names its months in Chinese, where
    /// en-US names them in English.
    /// </summary>
    [Fact]
    public async Task In_chinese_a_month_axis_names_its_months_in_chinese()
    {
        static async Task<IReadOnlyList<string>> MonthTicksAsync(IPage page, string shot)
        {
            await BrowserFixture.WaitForReadyAsync(page);
            var ticks = page.Locator("[data-testid=kpi-trend-chart] .xtick text");
            await Assertions.Expect(ticks.First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, shot), FullPage = true });
            return await ticks.AllTextContentsAsync(); // SVG text has no innerText
        }

        var chinese = await browser.NewPageAsync(TestUsers.Admin, culture: "zh-CN");
        await chinese.GotoAsync(browser.Url("/retention?period=ytd"));
        var zh = await MonthTicksAsync(chinese, "retention-zh-CN.png");
        var english = await browser.NewPageAsync(TestUsers.Admin, culture: "en-US");
        await english.GotoAsync(browser.Url("/retention?period=ytd"));
        var en = await MonthTicksAsync(english, "retention-en-US.png");

        Assert.True(zh.Count >= 3 && zh.All(t => Regex.IsMatch(t, @"\p{IsCJKUnifiedIdeographs}")), "zh-CN month ticks: " + string.Join(" | ", zh));
        Assert.True(en.Count >= 3 && en.All(t => Regex.IsMatch(t, "[A-Z][a-z]{2}")), "en-US month ticks: " + string.Join(" | ", en));
    }
}
