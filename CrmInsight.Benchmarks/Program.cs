using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using CrmInsight.Benchmarks;
using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Storage;

// Measures what the Foundation promises, on this machine, in Release:
//   demo generation + load time and file size per size, and the server-side time to compute
//   every Overview tile and chart: cold (database just opened, empty cache), SQL only (warm
//   database, empty cache: what a new data version costs) and warm (served from the cache).
// With --import-lines N it also times the CSV import of an N-line retail export into an empty database.
// With --csv-read-lines N it compares the CSV reader's speed with the hand-written one it replaced on that export.
// Usage: dotnet run -c Release --project CrmInsight.Benchmarks -- [--orders N]... [--import-lines N]... [--csv-read-lines N]... [--folder DIR] [--reuse]
//          [--concurrency N] (queries run at once, QueryCache:MaxConcurrentQueries; 1 = one after another)
//          [--threads N] (DuckDB's worker threads; default one per core)
//          [--memory-limit SIZE] (DuckDB's memory cap, e.g. 1GB; default the dashboard's Storage:DuckDbMemoryLimit)
//          [--views Overview,Retention,...] [--filters default|ytd|ytd-all] [--no-rebuild] [--no-floors] [--top N]
//        dotnet run -c Release --project CrmInsight.Benchmarks -- wall [--orders N] [--writes N] [--minute SECONDS]
//        dotnet run -c Release --project CrmInsight.Benchmarks -- browser --database PATH --password P [--user admin] [--changes N]
//        dotnet run -c Release --project CrmInsight.Benchmarks -- targets [--orders N]... [--database PATH]... [--folder DIR] [--reuse]
//        dotnet run -c Release --project CrmInsight.Benchmarks -- sql NAME... [--filters default|ytd|ytd-all] [--monthly] [--twin]
//          (prints the queries with the filter's arguments as literals, for EXPLAIN ANALYZE outside the app)
//        dotnet run -c Release --project CrmInsight.Benchmarks -- sql-ab --database PATH [--runs N] A.sql B.sql [C.sql ...]
//          (runs the files' statements interleaved on one connection: median wall and processor time of each)
//        dotnet run -c Release --project CrmInsight.Benchmarks -- signin [--requests N] [--rounds N]
if (args.Length > 0 && args[0] == "wall")
{
    return await WallBenchmark.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "browser")
{
    return await BrowserTiming.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "sql")
{
    return SqlDump.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "sql-ab")
{
    return await SqlAb.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "signin")
{
    return await SignInBenchmark.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "targets")
{
    return await TargetsTiming.RunAsync(args[1..]);
}
var sizes = new List<int>();
var imports = new List<int>();
var csvReads = new List<int>();
var folder = Path.Combine(Path.GetTempPath(), "crminsight-bench");
var reuse = false;
var rebuild = true;
var floors = true;
string? onlyFilter = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--orders": sizes.Add(int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture)); break;
        case "--folder": folder = args[++i]; break;
        case "--reuse": reuse = true; break;
        case "--import-lines": imports.Add(int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture)); break;
        case "--concurrency": BenchStack.MaxConcurrentQueries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--threads": BenchStack.Threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--memory-limit": BenchStack.MemoryLimit = args[++i]; break;
        case "--views": OverviewTiming.OnlyViews = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
        case "--filters": onlyFilter = args[++i]; break;
        case "--top": OverviewTiming.TopQueries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-rebuild": rebuild = false; break;
        case "--no-floors": floors = false; break;
        case "--csv-read-lines": csvReads.Add(int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture)); break;
        default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
    }
}
if (sizes.Count == 0 && imports.Count == 0 && csvReads.Count == 0)
{
    sizes.Add(1_000_000);
}
Directory.CreateDirectory(folder);
Console.WriteLine($"CrmInsight benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.Now:yyyy-MM-dd HH:mm} · " +
                  $"{BenchStack.MaxConcurrentQueries?.ToString(CultureInfo.InvariantCulture) ?? "default"} queries at once · load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

foreach (var orders in sizes)
{
    var path = Path.Combine(folder, $"bench-{orders}.duckdb");
    var demo = new DemoOptions { Orders = orders, Customers = Math.Max(100, orders / 10) };
    if (!reuse || !File.Exists(path))
    {
        File.Delete(path);
        var started = Stopwatch.GetTimestamp();
        var summary = await DuckDbFileCreator.CreateAsync(path, demo, TimeProvider.System);
        Console.WriteLine();
        Console.WriteLine($"## {summary!.Orders:N0} orders, {summary.Customers:N0} customers");
        Console.WriteLine($"generate + load: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (generator alone {summary.Elapsed.TotalSeconds:F1} s); " +
                          $"{summary.Tickets:N0} tickets, {summary.Surveys:N0} surveys, {summary.Touches:N0} touches, {summary.Opportunities:N0} opportunities, {summary.Activities:N0} activities");
    }
    else
    {
        Console.WriteLine();
        Console.WriteLine($"## {orders:N0} orders (reused {path})");
    }
    Console.WriteLine($"file size: {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB");
    if (rebuild)
    {
        await AggregateTiming.MeasureAsync(path);
    }

    var filters = new (string Key, string Name, DashboardFilter Filter)[]
    {
        ("default", "default (last 90 days)", DashboardFilter.Default),
        ("ytd", "year to date vs last year, one region", DashboardFilter.Default with { Preset = DatePreset.YearToDate, Comparison = ComparisonMode.SamePeriodLastYear, Regions = IdSet.Of(1) }),
        // What the browser benchmark's period changes ask for: a longer window, nothing else filtered.
        ("ytd-all", "year to date vs the period before, whole company", DashboardFilter.Default with { Preset = DatePreset.YearToDate }),
    };
    foreach (var (_, name, filter) in filters.Where(f => onlyFilter is null || f.Key == onlyFilter))
    {
        await OverviewTiming.MeasureAsync(path, name, filter, floors: floors && filter == DashboardFilter.Default);
    }
}
foreach (var lines in imports)
{
    await ImportTiming.MeasureAsync(lines, folder);
}
foreach (var lines in csvReads)
{
    await CsvReadTiming.MeasureAsync(lines, folder);
}
return 0;
