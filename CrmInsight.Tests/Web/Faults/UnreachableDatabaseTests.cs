using System.Net;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Tests.Web.Browser;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Faults;

/// <summary>
/// The database file taken away from a running app (its own process) and given back: a wall in
/// Chromium says the data is stale while the file is gone and recovers by itself when it is
/// back, with no restart. The file is moved away: the tests run as root, whom no permission bit
/// keeps from reading a file; for the app's own user a folder it may no longer read is the same
/// (the app looks at the path before each unit of work, as it still holds the file open).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnreachableDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public UnreachableDatabaseTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_wall_shows_stale_while_the_file_is_gone_and_recovers_when_it_is_back_without_a_restart()
    {
        var database = Path.Combine(_folder, "wall.duckdb");
        await DemoFile.CreateAsync(database);
        var key = await DemoFile.CreateKeyAsync(database, AccessKeyKind.Display);
        using var app = ChildProcess.StartDotnet(ChildProcess.WebAssembly,
            ["--urls", "http://127.0.0.1:0", $"--Storage:DuckDbPath={database}", "--Live:PollInterval=00:00:00.5", "--Live:StaleAfter=00:00:03"],
            // The build output serves its static web assets (blazor.web.js, MudBlazor, Plotly) in Development only.
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        var address = await app.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = address };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-timer-throttling", "--disable-renderer-backgrounding"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(address, $"/wall?key={Uri.EscapeDataString(key)}&views=headline").ToString());
        await BrowserFixture.WaitForReadyAsync(page);
        var revenue = page.Locator("[data-testid=kpi-value-revenue]");
        var shown = await revenue.GetAttributeAsync("data-value");
        var stale = page.Locator("[data-testid=wall-stale]");
        var wait = new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 };
        await Assertions.Expect(stale).ToHaveCountAsync(0);

        var away = database + ".away";
        File.Move(database, away);
        await Assertions.Expect(stale).ToBeVisibleAsync(wait);
        await Assertions.Expect(stale).ToContainTextAsync("database");
        using var unhealthy = await http.GetAsync("/healthz");
        var unhealthyBody = await unhealthy.Content.ReadAsStringAsync();
        var figuresWhileGone = await revenue.GetAttributeAsync("data-value");

        File.Move(away, database);
        await Assertions.Expect(stale).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        using var healthy = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.DoesNotContain("   at ", unhealthyBody, StringComparison.Ordinal);
        Assert.Equal(shown, figuresWhileGone); // the last figures stay up, marked stale, not blanked or zeroed
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(shown, await revenue.GetAttributeAsync("data-value"));
        Assert.Null(await app.WaitForExitAsync(TimeSpan.Zero)); // the same process all along
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
