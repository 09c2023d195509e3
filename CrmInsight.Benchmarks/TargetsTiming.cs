using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using Dapper;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Times the Sales targets page on the server: everything <see cref="TargetsService.GetAsync"/>
/// reads (headlines, tiles and sparklines, rep bars, funnel, win/loss and cycle trends) plus the
/// first page of the leaderboard, or at a rep the opportunities and customers tables. Cold (the
/// database just opened, nothing cached), SQL only (warm database, empty cache: a new data
/// version) and warm (served from the cache), as <see cref="OverviewTiming"/> does for the Overview.
/// </summary>
/// <remarks>Usage: <c>targets [--orders N]... [--database PATH]... [--folder DIR] [--reuse]</c>.</remarks>
internal static class TargetsTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var paths = new List<string>();
        var sizes = new List<int>();
        var folder = Path.Combine(Path.GetTempPath(), "crminsight-bench");
        var reuse = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--orders": sizes.Add(int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture)); break;
                case "--database": paths.Add(Path.GetFullPath(args[++i])); break;
                case "--folder": folder = args[++i]; break;
                case "--reuse": reuse = true; break;
                default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
            }
        }
        if (sizes.Count == 0 && paths.Count == 0)
        {
            sizes.Add(1_000_000);
        }
        Directory.CreateDirectory(folder);
        foreach (var orders in sizes)
        {
            var path = Path.Combine(folder, $"bench-{orders}.duckdb");
            if (!reuse || !File.Exists(path))
            {
                File.Delete(path);
                var summary = await DuckDbFileCreator.CreateAsync(path, new Domain.Demo.DemoOptions { Orders = orders, Customers = Math.Max(100, orders / 10) }, TimeProvider.System);
                Console.WriteLine($"generated {summary!.Orders:N0} orders into {path} in {summary.Elapsed.TotalSeconds:F1} s");
            }
            paths.Add(path);
        }

        Console.WriteLine($"CrmInsight Sales targets benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.Now:yyyy-MM-dd HH:mm}");
        foreach (var path in paths)
        {
            await MeasureAsync(path);
        }
        return 0;
    }

    private static async Task MeasureAsync(string path)
    {
        var (orders, team, rep) = await DescribeAsync(path);
        Console.WriteLine();
        Console.WriteLine($"## {orders:N0} orders ({path}, {new FileInfo(path).Length / 1024.0 / 1024.0:F0} MB)");
        var month = DashboardFilter.Default.WithPreset(DatePreset.ThisMonth);
        var views = new (string Name, DashboardFilter Filter)[]
        {
            ("this month, all teams", month),
            ("this quarter, all teams", DashboardFilter.Default.WithPreset(DatePreset.ThisQuarter)),
            ($"this month, team {team}", month.WithMembers(DimensionKind.Team, IdSet.Of(team))),
            ($"this month, team {team}, rep {rep}", month.WithMembers(DimensionKind.Team, IdSet.Of(team)).WithMembers(DimensionKind.Rep, IdSet.Of(rep))),
        };
        foreach (var (name, filter) in views)
        {
            Console.WriteLine($"### {name}");
            // A fresh stack per view: the first load reads a database file nothing has read yet.
            await using var stack = await BenchStack.OpenAsync(path);
            var first = await stack.TimeAsync(() => LoadAsync(stack, filter));
            Console.WriteLine($"cold     : {first.Ms,8:F0} ms  ({first.Queries} queries; database just opened, nothing cached)");
            foreach (var (query, ms, count) in first.PerQuery.OrderByDescending(q => q.Ms).Take(6))
            {
                Console.WriteLine($"           {query,-28} {ms,8:F0} ms total over {count} executions");
            }
            var warm = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                warm.Add((await stack.TimeAsync(() => LoadAsync(stack, filter))).Ms);
            }
            Console.WriteLine($"warm     : {OverviewTiming.Median(warm),8:F1} ms  (median of 5, cache hits)");
            var sqlOnly = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                await stack.ResetCacheAsync();
                sqlOnly.Add((await stack.TimeAsync(() => LoadAsync(stack, filter))).Ms);
            }
            Console.WriteLine($"sql only : {OverviewTiming.Median(sqlOnly),8:F0} ms  (median of 3, warm database, empty cache)");
        }
    }

    /// <summary>What one Targets page load reads: the page's data and its first table page (leaderboard, or at a rep its opportunities and customers).</summary>
    private static Task LoadAsync(BenchStack stack, DashboardFilter filter)
    {
        var page = stack.Get<TargetsService>().GetAsync(filter, DataScope.All);
        var tables = stack.Get<TableService>();
        if (filter.Reps.Count == 1)
        {
            var opportunities = TableCatalog.Opportunities;
            var customers = TableCatalog.Drill;
            return Task.WhenAll(
                page,
                tables.GetPageAsync(opportunities, filter, DataScope.All, opportunities.Request(null, null, 0, 10)),
                tables.GetPageAsync(customers, filter, DataScope.All, customers.Request(null, null, 0, 10), SqlArgs.Empty.With("level", "customer")));
        }
        var leaderboard = TableCatalog.Leaderboard;
        return Task.WhenAll(page, tables.GetPageAsync(leaderboard, filter, DataScope.All, leaderboard.Request(null, null, 0, 10)));
    }

    /// <summary>The orders, and the team and rep with the most revenue this month (the drill the benchmark times).</summary>
    private static async Task<(long Orders, int Team, int Rep)> DescribeAsync(string path)
    {
        await using var database = new DuckDbDatabase(path, "8GB");
        await using var connection = await database.OpenConnectionAsync();
        var orders = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_order");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var top = await connection.QueryFirstAsync<(int Team, int Rep)>(
            "SELECT team_id, rep_id FROM fact_order WHERE rep_id IS NOT NULL AND order_date >= $from GROUP BY team_id, rep_id ORDER BY SUM(revenue) DESC LIMIT 1",
            new { from = new DateOnly(today.Year, today.Month, 1).AddMonths(-1) });
        return (orders, top.Team, top.Rep);
    }
}
