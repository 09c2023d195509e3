using System.Diagnostics;
using System.Globalization;
using System.Net;
using CrmInsight.Domain.Views;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmInsight.Benchmarks;

/// <summary>
/// The analyst's figures in Debian's Chromium against the real app on an existing file (e.g. the
/// 10 M-order benchmark file): for each page, navigation → <c>data-state="ready"</c> for the
/// address cold (a filter the server has not computed), warm (the same address again) and on
/// the default view (which the server recomputed after the last data change); then a filter
/// change on the Overview → ready (an in-place navigation, as the filter bar makes), p50/p95 over
/// distinct filters. The write → wall figure is <c>wall --database PATH --latency-only</c>.
/// Signs in through the sign-in page as --user (admin) with --password (on a file without users, the
/// password the admin is created with: Auth:InitialAdminPassword).
/// With --trace, each page's warm navigation is followed by where its time went (<see cref="BrowserTrace"/>).
/// Usage: dotnet run -c Release --project CrmInsight.Benchmarks -- browser --database PATH --password P [--user admin] [--changes N] [--pages /,/retention] [--trace]
/// </summary>
internal static class BrowserTiming
{
    private static readonly string[] AllPages = ["/", "/contribution", "/retention", "/satisfaction", "/marketing", "/targets"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? database = null;
        var changes = 20;
        var trace = false;
        string[] pages = AllPages;
        var user = "admin";
        string? password = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--database": database = Path.GetFullPath(args[++i]); break;
                case "--changes": changes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--user": user = args[++i]; break;
                case "--password": password = args[++i]; break;
                case "--trace": trace = true; break;
                case "--pages": pages = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
            }
        }
        if (database is null || !File.Exists(database) || password is null)
        {
            Console.Error.WriteLine("browser needs --database PATH of an existing file (generate-demo makes one) and --password.");
            return 2;
        }
        // The first start on a file without users creates the admin with this password.
        Environment.SetEnvironmentVariable("Auth__InitialAdminPassword", password);
        Console.WriteLine($"CrmInsight browser benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.Now:yyyy-MM-dd HH:mm} · load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} · {database}");

        await using var app = new WallBenchmark.WallHost(database, 1_000_000);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        while (!app.Services.GetRequiredService<DatabaseReadiness>().IsReady)
        {
            await Task.Delay(200);
        }
        // The warm after the first version read has finished (this request completes after one more, all cache hits).
        await app.Services.GetRequiredService<DefaultViewWarmer>().RequestAsync();
        var baseAddress = app.ClientOptions.BaseAddress;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        if (trace)
        {
            await BrowserTrace.AttachAsync(context);
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/signin").ToString());
        await page.FillAsync("[data-testid=signin-user]", user);
        await page.FillAsync("[data-testid=signin-password]", password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        // The browser's own first start (scripts, fonts) is not a page's cost.
        await NavigateAsync(page, new Uri(baseAddress, "/"));

        Console.WriteLine($"{"page",-14} {"cold ms",8} {"warm ms",8} {"default ms",11}   (navigation → ready; cold: region 2, last 30 days, computed on demand)");
        foreach (var path in pages)
        {
            var filtered = new Uri(baseAddress, $"{path}?region=2&period=30d");
            var cold = await NavigateAsync(page, filtered);
            var warm = await NavigateAsync(page, filtered);
            var warmTrace = trace ? await BrowserTrace.ReportAsync(page) : null;
            var byDefault = await NavigateAsync(page, new Uri(baseAddress, path));
            Console.WriteLine($"{path,-14} {cold,8:F0} {warm,8:F0} {byDefault,11:F0}");
            if (warmTrace is not null)
            {
                Console.Write($"  the warm navigation (ms since it started):\n{warmTrace}");
            }
        }

        // Filter changes in place on the Overview: distinct filters, each computed for the first time.
        await NavigateAsync(page, new Uri(baseAddress, "/"));
        var times = new List<double>();
        foreach (var query in Filters().Take(changes))
        {
            var address = new Uri(baseAddress, "/?" + query).ToString();
            var t0 = Stopwatch.GetTimestamp();
            await page.EvaluateAsync("url => Blazor.navigateTo(url)", address);
            await WaitForReadyAsync(page, address);
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"filter change → ready on the Overview ({times.Count} distinct filters, in place): p50 {Percentile(times, 0.50):F0} ms, p95 {Percentile(times, 0.95):F0} ms, max {times[^1]:F0} ms");
        Console.WriteLine($"server peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (incl. the Playwright client)");
        return 0;
    }

    /// <summary>Periods × regions, none of them the default view.</summary>
    private static IEnumerable<string> Filters()
    {
        foreach (var period in new[] { "30d", "ytd", "quarter", "last-month", "7d", "mtd" })
        {
            foreach (var region in new[] { "", "&region=1", "&region=3", "&region=4" })
            {
                yield return $"period={period}{region}";
            }
        }
    }

    private static async Task<double> NavigateAsync(IPage page, Uri address)
    {
        var t0 = Stopwatch.GetTimestamp();
        await page.GotoAsync(address.ToString());
        await WaitForReadyAsync(page, page.Url);
        return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }

    /// <summary>The page root says it has drawn everything for this address (see BrowserFixture.WaitForReadyAsync in the tests).</summary>
    private static Task WaitForReadyAsync(IPage page, string address) =>
        page.WaitForFunctionAsync(
            "address => { const r = document.querySelector('.page-state'); return r && r.dataset.location === address && r.dataset.state === 'ready'; }",
            address,
            new PageWaitForFunctionOptions { PollingInterval = 10, Timeout = 120_000 });

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
