using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using CrmInsight.Web.Live;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CrmInsight.Benchmarks;

/// <summary>
/// The live wall, measured end to end: the real app on Kestrel (127.0.0.1) with the default demo
/// company, Debian's Chromium showing walls.
///   · write → visible on a wall: p50/p95 over N writes through the ingest API;
///   · server memory per wall circuit with 1, 20 and 50 walls (managed heap after a full GC);
///   · server CPU and executed screen queries per minute with 50 walls and the simulator on,
///     and the queries per minute of one wall under the same simulator, for comparison.
///   · with --soak M: M minutes of one wall under the simulator, the server heap each minute (leaks?).
///   · with --database PATH: on that existing file (e.g. the 10 M-order benchmark file) instead of a new demo;
///     with --latency-only: only the write → visible figure.
/// Usage: dotnet run -c Release --project CrmInsight.Benchmarks -- wall [--orders N] [--writes N] [--minute SECONDS] [--soak MINUTES] [--database PATH] [--latency-only]
///        dotnet run -c Release --project CrmInsight.Benchmarks -- wall soak [--walls N] [--minutes M] [--orders N]  (see <see cref="WallSoak"/>)
/// </summary>
internal static class WallBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "soak")
        {
            return await WallSoak.RunAsync(args[1..]);
        }
        var orders = 1_000_000;
        var writes = 50;
        var minute = 60;
        var soak = 0;
        string? database = null;
        var latencyOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--orders": orders = int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture); break;
                case "--writes": writes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--minute": minute = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--soak": soak = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--database": database = Path.GetFullPath(args[++i]); break;
                case "--latency-only": latencyOnly = true; break;
                default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
            }
        }
        var folder = Path.Combine(Path.GetTempPath(), "crminsight-bench", "wall-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"CrmInsight wall benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.Now:yyyy-MM-dd HH:mm} · {(database is null ? $"{orders:N0} demo orders" : database)}");

        await using var app = new WallHost(database ?? Path.Combine(folder, "wall.duckdb"), orders);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var started = Stopwatch.GetTimestamp();
        while (!app.Services.GetRequiredService<CrmInsight.Web.Hosting.DatabaseReadiness>().IsReady)
        {
            await Task.Delay(200);
        }
        Console.WriteLine($"server ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        var baseAddress = app.ClientOptions.BaseAddress;
        var keys = app.Services.GetRequiredService<AccessKeyStore>();
        var display = (await keys.CreateAsync(AccessKeyKind.Display, "bench", CrmInsight.Domain.Filters.IdSet.Empty, "benchmark")).Secret;
        var api = (await keys.CreateAsync(AccessKeyKind.Api, "bench", CrmInsight.Domain.Filters.IdSet.Empty, "benchmark")).Secret;
        var simulator = app.Services.GetRequiredService<SimulatorService>();
        using var counter = new QueryExecutionCounter(app.Services.GetRequiredService<IMeterFactory>());
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add(IngestEndpoints.KeyHeader, api);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
        var walls = new List<IPage>();
        async Task OpenWallsAsync(int total)
        {
            while (walls.Count < total)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(baseAddress, $"/wall?key={Uri.EscapeDataString(display)}&views=headline").ToString());
                await page.Locator("[data-testid=kpi-value-revenue]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
                walls.Add(page);
            }
        }

        // 1. Latency: one wall, the simulator off, one order at a time.
        await OpenWallsAsync(1);
        var latencies = new List<double>();
        var answered = new List<double>(); // the ingest call's own time: the write, and the change monitor told (RefreshAsync)
        for (var i = 0; i < writes; i++)
        {
            var page = walls[0];
            var before = await page.Locator("[data-testid=kpi-value-revenue]").InnerTextAsync();
            var t0 = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/api/ingest/orders", new[]
            {
                new { id = $"BENCH-{folder.GetHashCode():x}-{i}", date = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), revenue = 1_000_000m + i, region = "East China" },
            });
            response.EnsureSuccessStatusCode();
            answered.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            await page.WaitForFunctionAsync(
                "before => document.querySelector('[data-testid=kpi-value-revenue]').innerText !== before", before,
                new PageWaitForFunctionOptions { PollingInterval = 20, Timeout = 60_000 });
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            await Task.Delay(1200); // past the redraw throttle, so each write is measured on its own
        }
        latencies.Sort();
        answered.Sort();
        Console.WriteLine($"write → visible on a wall ({writes} writes): p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies[^1]:F0} ms; " +
                          $"of which the ingest call (write, monitor told): p50 {Percentile(answered, 0.50):F0} ms, p95 {Percentile(answered, 0.95):F0} ms; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"server peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (incl. the Playwright client)");
        if (latencyOnly)
        {
            return 0;
        }

        // 2. Memory per wall circuit.
        var baseline = ManagedHeap();
        Console.WriteLine($"server managed heap with 1 wall: {baseline / 1048576.0:F1} MB");
        foreach (var n in new[] { 20, 50 })
        {
            await OpenWallsAsync(n);
            await Task.Delay(3000);
            var heap = ManagedHeap();
            Console.WriteLine($"with {n} walls: heap {heap / 1048576.0:F1} MB, {(heap - baseline) / (double)(n - 1) / 1024:F0} KB per additional wall circuit; process working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MB (incl. the Playwright client)");
        }

        // 3. Queries per minute and CPU under the simulator: 50 walls, then 1 wall.
        var per50 = await MeasureMinuteAsync(50);
        foreach (var page in walls.Skip(1).ToList())
        {
            await page.Context.CloseAsync();
            walls.Remove(page);
        }
        var per1 = await MeasureMinuteAsync(1);
        Console.WriteLine($"executed screen queries per minute with the simulator: 50 walls {per50.Queries:F0}, 1 wall {per1.Queries:F0}; data versions per minute {per50.Versions:F0} / {per1.Versions:F0}; " +
                          $"queries per data version {per50.Queries / Math.Max(1, per50.Versions):F1} / {per1.Queries / Math.Max(1, per1.Versions):F1}");
        Console.WriteLine($"server CPU with the simulator: 50 walls {per50.Cpu:P0} of {Environment.ProcessorCount} cores, 1 wall {per1.Cpu:P0}");

        if (soak > 0)
        {
            var monitor = app.Services.GetRequiredService<DataChangeMonitor>();
            simulator.SetEnabled(true);
            for (var m = 1; m <= soak; m++)
            {
                await Task.Delay(TimeSpan.FromMinutes(1));
                Console.WriteLine($"soak minute {m}: data version {monitor.State.Snapshot.Version}, server heap {ManagedHeap() / 1048576.0:F1} MB, subscribers {monitor.SubscriberCount}");
            }
            simulator.SetEnabled(false);
        }
        return 0;

        async Task<(double Queries, double Versions, double Cpu)> MeasureMinuteAsync(int wallCount)
        {
            simulator.SetEnabled(true);
            await Task.Delay(5000); // warm up: the first versions after switching on
            counter.Reset();
            var monitor = app.Services.GetRequiredService<DataChangeMonitor>();
            var v0 = monitor.State.Snapshot.Version;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var t0 = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(minute));
            var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / seconds / Environment.ProcessorCount;
            var versions = monitor.State.Snapshot.Version - v0;
            simulator.SetEnabled(false);
            Console.WriteLine($"  {wallCount} wall(s), {seconds:F0} s: {counter.ScreenQueries().Values.Sum()} screen queries, {versions} data versions; top: {string.Join(", ", counter.ScreenQueries().OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key} {kv.Value}"))}");
            await Task.Delay(3000);
            return (counter.ScreenQueries().Values.Sum() * 60 / seconds, versions * 60 / seconds, cpu);
        }
    }

    internal static long ManagedHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    internal sealed class WallHost(string databasePath, int orders, ILoggerProvider? log = null) : WebApplicationFactory<CrmInsight.Web.SharedResource>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            if (log is not null)
            {
                builder.ConfigureLogging(logging => logging.AddProvider(log));
            }
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DuckDbPath", databasePath);
            builder.UseSetting("Demo:Orders", orders.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Demo:Customers", Math.Max(100, orders / 10).ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
