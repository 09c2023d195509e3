using System.Text.RegularExpressions;
using CrmInsight.Tests.TestSupport;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Browser;

/// <summary>Picking a campaign from the table, and the service drill to tickets, as a manager would.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MarketingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Clicking_a_campaign_row_selects_it_and_the_funnel_and_charts_follow()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/marketing?period=ytd"));
        await Assertions.Expect(page.Locator("[data-testid=roi-spend-chart] .main-svg").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=loading]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=funnel-scope]")).ToContainTextAsync("all campaigns");
        var reachBefore = await page.Locator("[data-testid=kpi-value-reach]").InnerTextAsync();
        var targetedBefore = await page.Locator("[data-testid=funnel-targeted] [data-testid=funnel-count]").InnerTextAsync();
        var pointsBefore = await page.Locator("[data-testid=roi-spend-chart] path.point").CountAsync();
        Assert.True(pointsBefore > 1, "the scatter shows every campaign with spend");

        // The best campaign by ROI (the default sort) that reached anyone, so its funnel has customers.
        var rows = page.Locator("[data-testid=table-campaigns] tbody tr.clickable-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var reach = (await rows.Locator("td[data-label=Reach]").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        var index = reach.FindIndex(r => r != "0");
        Assert.True(index >= 0, "a campaign on the first page reached customers");
        var row = rows.Nth(index);
        var name = (await row.Locator("td").First.InnerTextAsync()).Trim();
        await row.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"campaign=\d+"), BrowserFixture.UrlWait);
        await Assertions.Expect(page.Locator(".mud-chip", new PageLocatorOptions { HasText = "Campaign:" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=funnel-scope]")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-reach]")).Not.ToHaveTextAsync(reachBefore);
        await Assertions.Expect(page.Locator("[data-testid=funnel-targeted] [data-testid=funnel-count]")).Not.ToHaveTextAsync(targetedBefore);
        // The scatter keeps every campaign and greys the others: one highlighted point.
        await Assertions.Expect(page.Locator("[data-testid=roi-spend-chart] path.point")).ToHaveCountAsync(pointsBefore);
        // The customers reached are now this campaign's.
        await Assertions.Expect(page.Locator("[data-testid=table-campaign-customers] tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "marketing-campaign.png"), FullPage = true });

        // The same row again takes the campaign out of the filter.
        await BrowserFixture.WaitForReadyAsync(page);
        await rows.Nth(index).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("campaign="), BrowserFixture.UrlWait);
        await Assertions.Expect(page.Locator("[data-testid=funnel-scope]")).ToContainTextAsync("all campaigns");
    }

    [Fact]
    public async Task A_service_channel_opens_its_tickets_and_a_ticket_its_customer()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/satisfaction?period=ytd"));
        await Assertions.Expect(page.Locator("[data-testid=kpi-trend-chart] .main-svg").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=loading]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=bands-csat] [data-testid=band-count]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=churned-vs-retained]")).ToBeVisibleAsync();

        var channel = page.Locator("[data-testid=service-channel] [data-testid=service-row]").First;
        var member = (await channel.Locator("td").First.InnerTextAsync()).Trim();
        await channel.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"ticket_by=channel&ticket_member="), BrowserFixture.UrlWait);
        await Assertions.Expect(page.Locator("[data-testid=ticket-selection]")).ToContainTextAsync(member);
        var tickets = page.Locator("[data-testid=table-tickets] tbody tr.clickable-row");
        await Assertions.Expect(tickets.First).ToContainTextAsync(member);
        Assert.All(await tickets.Locator("td:nth-child(4)").AllInnerTextsAsync(), t => Assert.Equal(member, t.Trim()));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "satisfaction-tickets.png"), FullPage = true });

        await BrowserFixture.WaitForReadyAsync(page);
        await tickets.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/customers/\d+\?.*period=ytd"), BrowserFixture.UrlWait);
        await Assertions.Expect(page.Locator("[data-testid=customer-profile]")).ToBeVisibleAsync();
    }
}
