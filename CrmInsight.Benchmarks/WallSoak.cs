using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CrmInsight.Benchmarks;

/// <summary>
/// The night on the wall: N walls (default 50) in Chromium on the real app (Kestrel, 127.0.0.1,
/// the default 1 M-order demo) with the simulator on for M minutes (default 30). Each minute:
/// the server's managed heap after a full GC, data versions, change subscribers, server CPU and
/// the machine's load average; warnings with exceptions and errors from the server's log are
/// counted. At the end the simulator stops and every wall's revenue must equal /api/kpis.
/// Usage: dotnet run -c Release --project CrmInsight.Benchmarks -- wall soak [--walls N] [--minutes M] [--orders N]
/// </summary>
internal static class WallSoak
{
    public static async Task<int> RunAsync(string[] args)
    {
        var wallCount = 50;
        var minutes = 30;
        var orders = 1_000_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--walls": wallCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--minutes": minutes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--orders": orders = int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
            }
        }
        var folder = Path.Combine(Path.GetTempPath(), "crminsight-bench", "soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"CrmInsight wall soak · {wallCount} walls · {minutes} min · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.Now:yyyy-MM-dd HH:mm} · {orders:N0} demo orders · load average {LoadAverage()}");

        var log = new ProblemLog();
        await using var app = new WallBenchmark.WallHost(Path.Combine(folder, "soak.duckdb"), orders, log);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        while (readiness.State == DatabaseState.Starting)
        {
            await Task.Delay(200);
        }
        var baseAddress = app.ClientOptions.BaseAddress;
        var display = (await app.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Display, "soak", CrmInsight.Domain.Filters.IdSet.Empty, "benchmark")).Secret;
        var simulator = app.Services.GetRequiredService<SimulatorService>();
        var monitor = app.Services.GetRequiredService<DataChangeMonitor>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
        var walls = new List<IPage>();
        var pageErrors = new ConcurrentBag<string>();
        for (var i = 0; i < wallCount; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
            var page = await context.NewPageAsync();
            page.PageError += (_, error) => pageErrors.Add(error);
            await page.GotoAsync(new Uri(baseAddress, $"/wall?key={Uri.EscapeDataString(display)}&views=headline").ToString());
            await page.Locator("[data-testid=kpi-value-revenue]").WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
            walls.Add(page);
        }
        Console.WriteLine($"{wallCount} walls open; server heap {WallBenchmark.ManagedHeap() / 1048576.0:F1} MB; load average {LoadAverage()}");

        simulator.SetEnabled(true);
        var process = Process.GetCurrentProcess();
        for (var m = 1; m <= minutes; m++)
        {
            var cpu0 = process.TotalProcessorTime;
            var v0 = monitor.State.Snapshot.Version;
            var t0 = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromMinutes(1));
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds / Stopwatch.GetElapsedTime(t0).TotalSeconds / Environment.ProcessorCount;
            Console.WriteLine($"minute {m,2}: heap {WallBenchmark.ManagedHeap() / 1048576.0,6:F1} MB · data versions +{monitor.State.Snapshot.Version - v0} (now {monitor.State.Snapshot.Version}) · " +
                              $"subscribers {monitor.SubscriberCount} · CPU of this process {cpu:P0} · load average {LoadAverage()} · log problems {log.Count} · simulator written {simulator.Written:N0}");
        }
        simulator.SetEnabled(false);

        // The last step is in and shown: the version stops moving, then each wall must show the API's revenue.
        var settle = Stopwatch.GetTimestamp();
        var last = monitor.State.Snapshot.Version;
        await Task.Delay(3000);
        while (monitor.State.Snapshot.Version != last)
        {
            last = monitor.State.Snapshot.Version;
            await Task.Delay(3000);
        }
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var kpis = JsonDocument.Parse(await http.GetStringAsync("/api/kpis?ids=revenue"));
        var expected = kpis.RootElement.GetProperty("kpis")[0].GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture);
        var equal = 0;
        var different = new List<string>();
        for (var i = 0; i < walls.Count; i++)
        {
            try
            {
                await walls[i].WaitForFunctionAsync(
                    "expected => document.querySelector('[data-testid=kpi-value-revenue]')?.dataset.value === expected", expected,
                    new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
                equal++;
            }
            catch (TimeoutException)
            {
                different.Add($"wall {i + 1}: {await walls[i].Locator("[data-testid=kpi-value-revenue]").GetAttributeAsync("data-value")}");
            }
        }
        Console.WriteLine($"after the simulator stopped (settled in {Stopwatch.GetElapsedTime(settle).TotalSeconds:F0} s, data version {last}): /api/kpis revenue {expected}; " +
                          $"{equal} of {walls.Count} walls show exactly that{(different.Count > 0 ? "; different: " + string.Join(", ", different) : "")}");
        Console.WriteLine($"server log: {log.Count} warnings with an exception or errors{(log.Count > 0 ? ":" : "")}");
        foreach (var entry in log.First(10))
        {
            Console.WriteLine("  " + entry);
        }
        Console.WriteLine($"browser page errors: {pageErrors.Count}");
        return different.Count == 0 && log.Count == 0 ? 0 : 1;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Collects every log entry of level Error and above, and every warning that carries an exception.</summary>
    private sealed class ProblemLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public int Count => _entries.Count;

        public IEnumerable<string> First(int n) => _entries.Take(n);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ProblemLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error || exception is not null)
                {
                    log._entries.Enqueue($"{DateTime.Now:HH:mm:ss} {logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
                }
            }
        }
    }
}
