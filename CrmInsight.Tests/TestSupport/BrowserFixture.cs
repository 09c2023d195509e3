using System.Net;
using Microsoft.Playwright;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (it creates its own small demo database on start, up to
/// its pinned today) and Debian's Chromium driven by Playwright. Shared by the browser tests of a
/// class; a subclass passes another <see cref="CrmInsightServer"/>.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new CrmInsightServer())
    {
    }

    protected BrowserFixture(CrmInsightServer server) => Server = server;

    public CrmInsightServer Server { get; }

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is needed at {ChromiumPath} (apt-get install -y chromium; .ci/run does this).");
        Server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Server.StartServer();
        BaseAddress = Server.ClientOptions.BaseAddress;
        await Server.WaitUntilReadyAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root in a sandbox, without the network calls Chromium makes on its own.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1600, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>
    /// For <c>Expect(page).ToHaveURLAsync</c>: Blazor changes the address in place (pushState), and
    /// Playwright's WaitForURL can miss such a change that lands while it starts waiting (seen here:
    /// the server had the new address, the wait timed out); the expectation looks at the address
    /// itself until it matches.
    /// </summary>
    public static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 30_000 };

    /// <summary>A new page at <paramref name="pathAndQuery"/>, once everything on it is drawn.</summary>
    public async Task<IPage> OpenAsync(string pathAndQuery, int width = 1600, int height = 1000)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(Url(pathAndQuery));
        await WaitForReadyAsync(page);
        return page;
    }

    /// <summary>
    /// Waits until the page root says it has drawn every tile, chart and grid for the address the
    /// browser shows now (<c>data-state="ready"</c> with <c>data-location</c> = that address), so
    /// a "ready" left over from the address before a navigation does not count.
    /// </summary>
    public static async Task WaitForReadyAsync(IPage page)
    {
        // As long as a cold page may take on a loaded machine (20 walls redrawing at once), not the 5 s default.
        var wait = new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 };
        var root = page.Locator(".page-state");
        await Assertions.Expect(root).ToHaveAttributeAsync("data-location", page.Url, wait);
        await Assertions.Expect(root).ToHaveAttributeAsync("data-state", "ready", wait);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
