using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Browser;

/// <summary>Sales targets as a sales lead uses it: on a wide screen and a phone, drilling team → rep, the leaderboard and the wall.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TargetsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    /// <summary>Everything on the page is drawn for the address shown (the page's data-state marker).</summary>
    private static Task WaitForTargetsAsync(IPage page) => BrowserFixture.WaitForReadyAsync(page);

    [Fact]
    public async Task Drilling_a_team_then_a_rep_shows_the_reps_then_their_opportunities_and_customers()
    {
        var page = await browser.OpenAsync("/targets");
        var teams = page.Locator("[data-testid=team-headline]");
        var teamCount = await teams.CountAsync();
        Assert.True(teamCount >= 2, "a headline per team");
        await Assertions.Expect(page.Locator("[data-testid=preset-month]")).ToHaveClassAsync(new Regex("mud-button-filled"));
        await Assertions.Expect(page.Locator("[data-testid=table-leaderboard] tbody tr").First).ToBeVisibleAsync(Visible);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "targets.png"), FullPage = true });

        // A team: its headline alone, its reps as bars.
        var team = teams.Nth(1);
        var teamName = (await team.Locator("[data-testid=headline-name]").InnerTextAsync()).Trim();
        var teamId = await team.GetAttributeAsync("data-team");
        await team.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/targets\?team={teamId}$"), BrowserFixture.UrlWait);
        await WaitForTargetsAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=team-headline]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=team-headline] [data-testid=headline-name]")).ToHaveTextAsync(teamName);
        await Assertions.Expect(page.Locator("[data-testid=drill-breadcrumb]")).ToContainTextAsync(teamName);
        var reps = page.Locator("[data-testid=rep-bars] [data-testid=bar-row]");
        await Assertions.Expect(reps.First).ToBeVisibleAsync(Visible);
        Assert.All(await page.Locator("[data-testid=table-leaderboard] tbody tr td:nth-child(3)").AllInnerTextsAsync(), t => Assert.Equal(teamName, t.Trim()));

        // A rep: their headline, opportunities and customers; the leaderboard gives way.
        var rep = reps.First;
        var repName = (await rep.Locator("[data-testid=bar-name]").InnerTextAsync()).Trim();
        var repId = await rep.GetAttributeAsync("data-rep");
        await rep.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"team={teamId}&rep={repId}$"), BrowserFixture.UrlWait);
        await WaitForTargetsAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=rep-headline] [data-testid=headline-name]")).ToHaveTextAsync($"{repName} · {teamName}");
        await Assertions.Expect(page.Locator("[data-testid=table-opportunities]")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(page.Locator("[data-testid=table-drill]")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(page.Locator("[data-testid=table-leaderboard]")).ToHaveCountAsync(0);
        Assert.All(await page.Locator("[data-testid=table-opportunities] tbody tr.mud-table-row td:nth-child(3)").AllInnerTextsAsync(), t => Assert.Equal(repName, t.Trim()));
        await Assertions.Expect(page.Locator("[data-testid=crumb-current]")).ToHaveTextAsync(repName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "targets-rep.png"), FullPage = true });

        // Back up to all teams through the breadcrumb.
        await page.Locator("[data-testid=crumb]", new PageLocatorOptions { HasText = "All teams" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/targets$"), BrowserFixture.UrlWait);
        await WaitForTargetsAsync(page);
        await Assertions.Expect(teams).ToHaveCountAsync(teamCount);
    }

    /// <summary>
    /// KPIS.md §5's promise to a sales lead, on a phone: signed in through the real form, they land
    /// on Sales targets with their team (team 1, the test lead's only team) and no other — no other
    /// team's headline, bar, leaderboard row or name anywhere on the page —, drill to one of their
    /// reps' opportunities, and another team's address is refused.
    /// </summary>
    [Fact]
    public async Task A_sales_lead_signs_in_on_a_phone_lands_on_their_team_drills_to_a_rep_and_another_team_is_refused()
    {
        await browser.Server.WaitUntilReadyAsync();
        string ownTeam;
        List<string> otherTeams;
        await using (var connection = await browser.Server.Services.GetRequiredService<ICrmDatabase>().OpenConnectionAsync())
        {
            ownTeam = await connection.ExecuteScalarAsync<string>("SELECT name FROM dim_team WHERE team_id = 1") ?? "";
            otherTeams = [.. await connection.QueryAsync<string>("SELECT name FROM dim_team WHERE team_id <> 1")];
        }
        Assert.NotEmpty(otherTeams);

        var page = await browser.NewAnonymousPageAsync(390, 844);
        await page.GotoAsync(browser.Url("/signin"));
        Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth")); // the sign-in form fits a phone
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "signin-phone.png"), FullPage = true });
        await page.Locator("[data-testid=signin-user]").FillAsync(TestUsers.SalesLead.Name);
        await page.Locator("[data-testid=signin-password]").FillAsync(TestUsers.Password);
        await page.Locator("[data-testid=signin-submit]").ClickAsync();

        // No page was asked for: a lead lands on Sales targets, with their team only.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/targets$"), BrowserFixture.UrlWait);
        await WaitForTargetsAsync(page);
        var headlines = page.Locator("[data-testid=team-headline]");
        await Assertions.Expect(headlines).ToHaveCountAsync(1);
        await Assertions.Expect(headlines.First).ToHaveAttributeAsync("data-team", "1");
        await Assertions.Expect(headlines.First.Locator("[data-testid=headline-name]")).ToHaveTextAsync(ownTeam);
        await Assertions.Expect(page.Locator("[data-testid=total-headline]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=table-leaderboard] tbody tr").First).ToBeVisibleAsync(Visible);
        Assert.All(await page.Locator("[data-testid=table-leaderboard] tbody tr.mud-table-row td[data-label='Sales team']").AllInnerTextsAsync(), t => Assert.Equal(ownTeam, t.Trim()));
        await AssertNoOtherTeamAsync(page, otherTeams);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "targets-lead-phone.png"), FullPage = true });

        // Their team, then one of its reps: the rep's opportunities and customers.
        await headlines.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/targets\?team=1$"), BrowserFixture.UrlWait);
        await WaitForTargetsAsync(page);
        var rep = page.Locator("[data-testid=rep-bars] [data-testid=bar-row]").First;
        await Assertions.Expect(rep).ToBeVisibleAsync(Visible);
        var repName = (await rep.Locator("[data-testid=bar-name]").InnerTextAsync()).Trim();
        var repId = await rep.GetAttributeAsync("data-rep");
        await rep.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"team=1&rep={repId}$"), BrowserFixture.UrlWait);
        await WaitForTargetsAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=rep-headline] [data-testid=headline-name]")).ToHaveTextAsync($"{repName} · {ownTeam}");
        var opportunities = page.Locator("[data-testid=table-opportunities] tbody tr.mud-table-row");
        await Assertions.Expect(opportunities.First).ToBeVisibleAsync(Visible);
        Assert.All(await page.Locator("[data-testid=table-opportunities] tbody tr.mud-table-row td[data-label='Sales rep']").AllInnerTextsAsync(), t => Assert.Equal(repName, t.Trim()));
        await AssertNoOtherTeamAsync(page, otherTeams);

        // Another team by address: refused with a chip, and the page still shows team 1 only.
        await page.GotoAsync(browser.Url("/targets?team=2"));
        await WaitForTargetsAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=scope-refused]")).ToHaveCountAsync(1);
        await Assertions.Expect(headlines).ToHaveCountAsync(1);
        await Assertions.Expect(headlines.First).ToHaveAttributeAsync("data-team", "1");
        await AssertNoOtherTeamAsync(page, otherTeams);
        Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        // The menu offers what a lead may open, Sales targets among it, and no admin pages.
        await page.Locator("[aria-label=Menu]").ClickAsync();
        var menu = page.Locator(".mud-navmenu");
        await Assertions.Expect(menu.Locator("a[href^='/targets']")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(menu.Locator("a[href='/admin']")).ToHaveCountAsync(0);
        await Assertions.Expect(menu.Locator("a[href='/import']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>No other team's name anywhere in the page's text.</summary>
    private static async Task AssertNoOtherTeamAsync(IPage page, IReadOnlyList<string> otherTeams)
    {
        var text = await page.Locator("body").InnerTextAsync();
        Assert.All(otherTeams, team => Assert.DoesNotContain(team, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_phone_the_headlines_come_first_and_nothing_scrolls_sideways()
    {
        var page = await browser.NewPageAsync(390, 844);
        foreach (var path in new[] { "/targets", "/targets?period=quarter" })
        {
            await page.GotoAsync(browser.Url(path));
            await WaitForTargetsAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=table-leaderboard] tbody tr").First).ToBeVisibleAsync(Visible);

            var headline = await page.Locator("[data-testid=team-headline]").First.BoundingBoxAsync();
            var firstTile = await page.Locator("[data-testid=kpi-tile-attainment]").BoundingBoxAsync();
            Assert.True(headline!.Y < firstTile!.Y, "the headlines come before the tiles");
            Assert.True(headline.Y < 844, "a headline is on the first screen");
            Assert.True(headline.Width <= 390, $"the headline fits the screen ({headline.Width} px)");
            Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        }
        await page.GotoAsync(browser.Url("/targets"));
        await WaitForTargetsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "targets-390.png"), FullPage = true });
    }

    [Fact]
    public async Task The_leaderboard_sorts_in_the_database_and_exports_in_that_order()
    {
        var page = await browser.OpenAsync("/targets?period=quarter");
        var rows = page.Locator("[data-testid=table-leaderboard] tbody tr.mud-table-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(Visible);

        // Revenue, highest first (the second click on a sort label).
        var revenueHeader = page.Locator("[data-testid=table-leaderboard] thead th", new PageLocatorOptions { HasText = "Revenue" });
        await revenueHeader.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=export-csv-leaderboard]")).ToHaveAttributeAsync("href", new Regex("sort=rep_revenue&desc=0"));
        // The link changes when the grid asks for its page, before that page is drawn: the second
        // click waits for it, as a person sees it (a click on a grid still loading was lost under load).
        await WaitForTargetsAsync(page);
        await revenueHeader.ClickAsync();
        var csv = page.Locator("[data-testid=export-csv-leaderboard]");
        await Assertions.Expect(csv).ToHaveAttributeAsync("href", new Regex("sort=rep_revenue&desc=1"));
        await WaitForTargetsAsync(page); // the grid has drawn its re-sorted page
        using var client = await browser.Server.CreateClientAsync(TestUsers.Admin); // the page's user, who may export
        var text = await client.GetStringAsync((await csv.GetAttributeAsync("href"))!);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Array.FindIndex(lines, l => l.StartsWith("Rank,", StringComparison.Ordinal));
        Assert.True(header >= 0, "the export has the leaderboard's columns");
        var exported = lines.Skip(header + 1).Select(l => decimal.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToList();
        Assert.True(exported.Count > 1, "the export holds every rep");
        Assert.Equal(exported.OrderDescending(), exported);

        // The grid shows the same order once its new page is in, to the whole yuan (the export keeps the cents).
        static decimal Whole(decimal money) => Math.Round(money, 0, MidpointRounding.AwayFromZero);
        await Assertions.Expect(rows.First.Locator("td:nth-child(4)")).ToHaveTextAsync(Whole(exported[0]).ToString("'¥'#,##0", CultureInfo.GetCultureInfo("en-US")));
        var shown = (await rows.Locator("td:nth-child(4)").AllInnerTextsAsync()).Select(Money).ToList();
        Assert.Equal(exported.Take(shown.Count).Select(Whole), shown);
        Assert.Contains("Period,", text, StringComparison.Ordinal); // the filter context is written into the file
    }

    [Fact]
    public async Task A_sales_tile_on_the_overview_opens_sales_targets_with_its_definition()
    {
        var page = await browser.OpenAsync("/");
        await page.Locator("[data-testid=kpi-tile-attainment]").ClickAsync();

        // The Overview's period (its default, the last 90 days) goes along, so the number is the one clicked.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/targets\?period=90d&kpi=attainment$"), BrowserFixture.UrlWait);
        await WaitForTargetsAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=kpi-detail] [data-testid=kpi-formula]")).ToContainTextAsync("revenue / quota");
        await Assertions.Expect(page.Locator("[data-testid=kpi-detail] [data-testid=kpi-input]")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_wall_shows_the_team_headlines_and_follows_a_new_order()
    {
        var keys = browser.Server.Services.GetRequiredService<AccessKeyStore>();
        var display = await keys.CreateAsync(AccessKeyKind.Display, "sales floor", CrmInsight.Domain.Filters.IdSet.Empty, "tests");
        var api = await keys.CreateAsync(AccessKeyKind.Api, "shop", CrmInsight.Domain.Filters.IdSet.Empty, "tests");
        var catalog = await browser.Server.Services.GetRequiredService<DimensionService>().GetCatalogAsync(DataScope.All);
        var rep = catalog.Members(DimensionKind.Rep)[0];

        var page = await browser.OpenAsync($"/wall?key={Uri.EscapeDataString(display.Secret)}&views=targets", 1920, 1080);
        var headline = page.Locator($"[data-testid=wall-view-targets] [data-testid=team-headline][data-team='{rep.ParentId}']");
        await Assertions.Expect(headline).ToBeVisibleAsync(Visible);
        Assert.True(await page.Locator("[data-testid=wall-view-targets] [data-testid=team-headline]").CountAsync() >= 2);
        await Assertions.Expect(page.Locator("[data-testid=wall-context]")).ToContainTextAsync("This month");
        var revenue = headline.Locator("[data-testid=headline-revenue]");
        var before = await revenue.InnerTextAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "wall-targets.png") });

        using var client = browser.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/orders")
        {
            Content = JsonContent.Create(new[]
            {
                new { id = "TARGETS-1", date = browser.Server.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), revenue = 20_000m, rep = rep.Name },
            }),
        };
        request.Headers.Add(IngestEndpoints.KeyHeader, api.Secret);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        await Assertions.Expect(revenue).Not.ToHaveTextAsync(before, new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await BrowserFixture.WaitForReadyAsync(page);
    }

    private static decimal Money(string text) =>
        decimal.Parse(text.Trim().TrimStart('¥'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-US"));
}
