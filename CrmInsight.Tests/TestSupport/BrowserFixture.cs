using System.Net;
using Cookie = Microsoft.Playwright.Cookie;
using Microsoft.Playwright;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (it creates its own small demo database on start, up to
/// its pinned today) and Debian's Chromium driven by Playwright. Shared by the browser tests of a
/// class; a subclass passes another <see cref="CrmInsightServer"/>.
/// <see cref="NewPageAsync(TestUser, int, int, string?)"/> and <see cref="OpenAsync(TestUser, string, int, int)"/>
/// open a browser context signed in as one of <see cref="TestUsers"/> (through the real sign-in
/// form; the context gets its cookie); without a user they sign in as the admin;
/// <see cref="NewAnonymousPageAsync"/> does not sign in.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _signIns = new(1, 1);
    private readonly Dictionary<string, List<Cookie>> _cookies = new(StringComparer.Ordinal);
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

    /// <summary>A page signed in as the admin.</summary>
    public Task<IPage> NewPageAsync(int width = 1600, int height = 1000) => NewPageAsync(TestUsers.Admin, width, height);

    /// <summary>A page in a new browser context signed in as <paramref name="user"/>, optionally in another language ("zh-CN").</summary>
    public async Task<IPage> NewPageAsync(TestUser user, int width = 1600, int height = 1000, string? culture = null)
    {
        var page = await NewAnonymousPageAsync(width, height, culture);
        await page.Context.AddCookiesAsync(await SignInCookiesAsync(user));
        return page;
    }

    /// <summary>A page in a new browser context that is not signed in.</summary>
    public async Task<IPage> NewAnonymousPageAsync(int width = 1600, int height = 1000, string? culture = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(PlaywrightDefaults.Timeout);
        if (culture is not null)
        {
            // What the language switch stores (ASP.NET Core's request-culture cookie).
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = BaseAddress.ToString() }]);
        }
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in over HTTP with the real form and returns the session cookie for a browser context;
    /// once per user and fixture (a test that signs out, which ends every session of its user,
    /// should sign in with <see cref="SignInFreshCookiesAsync"/> instead).
    /// </summary>
    public async Task<IEnumerable<Cookie>> SignInCookiesAsync(TestUser user)
    {
        await _signIns.WaitAsync();
        try
        {
            if (!_cookies.TryGetValue(user.Name, out var cookies))
            {
                _cookies[user.Name] = cookies = [.. await SignInFreshCookiesAsync(user)];
            }
            return cookies;
        }
        finally
        {
            _signIns.Release();
        }
    }

    /// <summary>A new sign-in of <paramref name="user"/> (not shared with other pages).</summary>
    public async Task<IEnumerable<Cookie>> SignInFreshCookiesAsync(TestUser user)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        await TestSignIn.SignInAsync(client, user);
        return jar.GetCookies(BaseAddress).Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = BaseAddress.ToString() });
    }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>
    /// For <c>Expect(page).ToHaveURLAsync</c>: Blazor changes the address in place (pushState), and
    /// Playwright's WaitForURL can miss such a change that lands while it starts waiting (seen here:
    /// the server had the new address, the wait timed out); the expectation looks at the address
    /// itself until it matches.
    /// </summary>
    public static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = PlaywrightDefaults.Timeout };

    /// <summary>A new page at <paramref name="pathAndQuery"/>, signed in as the admin, once everything on it is drawn.</summary>
    public Task<IPage> OpenAsync(string pathAndQuery, int width = 1600, int height = 1000) => OpenAsync(TestUsers.Admin, pathAndQuery, width, height);

    /// <summary>A new page at <paramref name="pathAndQuery"/>, signed in as <paramref name="user"/>, once everything on it is drawn.</summary>
    public async Task<IPage> OpenAsync(TestUser user, string pathAndQuery, int width = 1600, int height = 1000)
    {
        var page = await NewPageAsync(user, width, height);
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
        var wait = new LocatorAssertionsToHaveAttributeOptions { Timeout = PlaywrightDefaults.Timeout };
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
        _signIns.Dispose();
        await Server.DisposeAsync();
    }
}
