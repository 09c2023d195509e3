using System.Diagnostics;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Views;
using CrmInsight.Web.Api;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Times every view on one file, the way a server sees them: cold (database open and warm,
/// result cache empty: what a new filter or a new data version costs; median of 3), warm
/// (cache hits; median of 5), and the Overview again after an ingest of today's orders (only
/// what the write touched is recomputed). Then one drill step, the 36-cohort matrix, and each
/// catalog query beside its engine floor (FloorQueries).
/// </summary>
internal static class OverviewTiming
{
    /// <summary>The views to time (--views); empty: all.</summary>
    public static IReadOnlyList<string> OnlyViews { get; set; } = [];

    /// <summary>How many of a view's slowest queries to list (--top).</summary>
    public static int TopQueries { get; set; } = 4;

    public static async Task MeasureAsync(string path, string filterName, DashboardFilter filter, bool floors)
    {
        Console.WriteLine($"### {filterName}");
        await using var stack = await BenchStack.OpenAsync(path);
        // Warm the database (first reads of the file), then measure on an empty cache.
        await stack.Get<OverviewService>().GetAsync(filter, DataScope.All);

        Console.WriteLine($"{"view",-13} {"cold ms",8} {"cpu ms",8} {"queries",8} {"warm ms",8}");
        foreach (var (name, load) in Views(stack, filter).Where(v => OnlyViews.Count == 0 || OnlyViews.Contains(v.Name.Split(' ')[0], StringComparer.OrdinalIgnoreCase)))
        {
            var cold = new List<double>();
            var coldCpu = new List<double>();
            long queries = 0;
            List<(string Query, double Ms, int Count)> perQuery = [];
            // One unmeasured run first: a server that runs all day has compiled the view's code paths
            // (tiered JIT recompiles hot methods on background threads during the first runs), and
            // "cold" is about an empty result cache, not a fresh process.
            await stack.ResetCacheAsync();
            await load();
            for (var i = 0; i < 3; i++)
            {
                await stack.ResetCacheAsync();
                var run = await stack.TimeAsync(load);
                cold.Add(run.Ms);
                coldCpu.Add(run.CpuMs);
                (queries, perQuery) = (run.Queries, run.PerQuery);
            }
            var warm = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                warm.Add((await stack.TimeAsync(load)).Ms);
            }
            Console.WriteLine($"{name,-13} {Median(cold),8:F0} {Median(coldCpu),8:F0} {queries,8} {Median(warm),8:F1}");
            foreach (var (query, ms, count) in perQuery.OrderByDescending(q => q.Ms).Take(TopQueries))
            {
                Console.WriteLine($"{"",15}{query,-40} {ms,7:F0} ms over {count}");
            }
        }

        await AfterWriteAsync(stack, filter);
        Console.WriteLine($"peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
        if (floors)
        {
            await FloorQueries.CompareAsync(stack, path);
        }
    }

    /// <summary>The views (page loads, first table pages included) the dashboard serves.</summary>
    private static IEnumerable<(string Name, Func<Task> Load)> Views(BenchStack stack, DashboardFilter filter)
    {
        var tables = stack.Get<TableService>();
        var all = DataScope.All;
        foreach (var (name, load) in stack.Get<PageViews>().For(filter, all))
        {
            yield return (name, () => load(CancellationToken.None));
        }
        yield return ("Drill step", () => tables.GetPageAsync(TableCatalog.Drill, filter with { Regions = IdSet.Of(1) }, all,
            TableCatalog.Drill.Request(null, null, 0, 25), TableExtras.DrillAt(DrillLevel.Team).Arguments));
        var periods = stack.Get<PeriodResolver>();
        yield return ("Cohorts (36)", () =>
        {
            var window = periods.Resolve(filter).Period.TrailingMonths(36);
            return stack.Get<QueryCache>().GetRowsAsync("retention/cohorts", QueryArgs.For(filter, all).Window(window, window),
                stack.Get<IDataVersionSource>().GetCurrentAsync().AsTask().Result);
        });
    }

    /// <summary>
    /// An ingest of five orders dated today, then the Overview again: the tracker drops what the
    /// write made stale (as the web host's monitor does), and only that is recomputed.
    /// </summary>
    private static async Task AfterWriteAsync(BenchStack stack, DashboardFilter filter)
    {
        var overview = stack.Get<OverviewService>();
        var tracker = stack.Get<DataVersionTracker>();
        var ingest = stack.Get<IngestService>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var customers = (await stack.Get<QueryRunner>().QueryRowsAsync("ingest/sample_customers", SqlArgs.Empty)).Take(5).Select(r => r.GetString("customer_code")).ToList();
        var times = new List<double>();
        var cpu = new List<double>();
        long queries = 0;
        List<(string Query, double Ms, int Count)> perQuery = [];
        var writes = new List<(double Ms, double CpuMs, long Queries, List<(string Query, double Ms, int Count)> PerQuery)>();
        for (var i = 0; i < 5; i++)
        {
            await tracker.RefreshAsync();
            await overview.GetAsync(filter, DataScope.All);
            var records = customers.Select((code, n) => new IngestRecord(n + 1, new Dictionary<string, string?>
            {
                ["id"] = $"BENCH-{Guid.NewGuid():N}",
                ["date"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["revenue"] = "199.00",
                ["customer"] = code,
            })).ToList();
            var write = await stack.TimeAsync(() => ingest.IngestAsync(IngestKind.Orders, records));
            await tracker.RefreshAsync();
            var run = await stack.TimeAsync(() => overview.GetAsync(filter, DataScope.All));
            times.Add(run.Ms);
            cpu.Add(run.CpuMs);
            queries = run.Queries;
            perQuery = run.PerQuery;
            writes.Add(write);
        }
        // The first write also reads the facts' blocks into memory: the median says what a write costs.
        var median = writes.OrderBy(w => w.Ms).ElementAt(writes.Count / 2);
        Console.WriteLine($"{"",15}ingest of 5 orders dated today: {median.Ms:F0} ms, {median.CpuMs:F0} ms CPU, {median.Queries} statements " +
                          $"(median of {writes.Count}, first {writes[0].Ms:F0} ms; pre-aggregates refreshed in the same transaction)");
        foreach (var (statement, ms, count) in median.PerQuery.OrderByDescending(q => q.Ms).Take(TopQueries))
        {
            Console.WriteLine($"{"",19}{statement,-44} {ms,7:F1} ms over {count}");
        }
        Console.WriteLine($"{"after write",-13} {Median(times),8:F0} {Median(cpu),8:F0} {queries,8}          (Overview recomputed after an ingest of today's orders; median of 5)");
        foreach (var (query, ms, count) in perQuery.OrderByDescending(q => q.Ms).Take(TopQueries))
        {
            Console.WriteLine($"{"",15}{query,-40} {ms,7:F0} ms over {count}");
        }
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
