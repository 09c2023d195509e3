using System.Net;
using System.Text.RegularExpressions;
using CrmInsight.Tests.TestSupport;
using Microsoft.Playwright;

namespace CrmInsight.Tests.Web.Browser;

/// <summary>
/// The deployable build: the <c>dotnet publish</c> output started in the Production environment
/// serves its static assets, renders the Overview in Chromium, shows no developer exception page,
/// and reads the proxy's scheme when forwarded headers are switched on.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ProductionRunTests(ProductionRunTests.Fixture fixture) : IClassFixture<ProductionRunTests.Fixture>
{
    private PublishedApp App => fixture.App;

    private IBrowser Browser => fixture.Browser;

    [Fact]
    public async Task The_published_app_in_production_serves_the_overview_with_its_assets()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        // Every page needs a sign-in: the first-start admin signs in through the form, as in production.
        await page.GotoAsync(new Uri(App.BaseAddress, "/").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin"), new() { Timeout = 60_000 });
        await page.Locator("[data-testid=signin-user]").FillAsync(TestUsers.Admin.Name);
        await page.Locator("[data-testid=signin-password]").FillAsync(TestUsers.Password);
        await Assertions.Expect(page.Locator("[data-testid=signin-submit]")).ToBeEnabledAsync(new() { Timeout = 60_000 }); // once the database is ready
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=kpi-value-revenue]")).ToHaveTextAsync(Money(), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".main-svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 }); // Plotly, from the package's static assets
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "production-overview.png"), FullPage = true });

        Assert.Empty(failed); // every script, style sheet and _content asset was served
        Assert.Empty(errors);
        Assert.Contains("Hosting environment: Production", App.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_proxy_the_forwarded_scheme_counts_and_errors_show_no_details()
    {
        using var client = new HttpClient { BaseAddress = App.BaseAddress };
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        viaProxy.Headers.Host = "crm.example.com";
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        using var direct = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        direct.Headers.Host = "crm.example.com";

        using var proxied = await client.SendAsync(viaProxy);
        using var plain = await client.SendAsync(direct);
        using var signedIn = new HttpClient { BaseAddress = App.BaseAddress }; // keeps the sign-in cookie
        await TestSignIn.SignInAsync(signedIn, TestUsers.Admin);
        using var missing = await signedIn.GetAsync("/export/nothing.csv");

        // HSTS is sent only in Production and only over HTTPS, which the proxy reported.
        Assert.True(proxied.Headers.Contains("Strict-Transport-Security"));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("   at ", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^¥[\d.,]+[KM]?$")]
    private static partial Regex Money();

    /// <summary>One published app (forwarded headers on) and one Chromium for the class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private IPlaywright _playwright = null!;

        public PublishedApp App { get; private set; } = null!;

        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await PublishedApp.StartAsync("--Hosting:ForwardedHeaders=true", $"--Auth:InitialAdminPassword={TestUsers.Password}");
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFixture.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }

        public async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
            await App.DisposeAsync();
        }
    }
}
