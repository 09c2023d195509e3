using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Two or more SQL texts (files, e.g. a query as <see cref="SqlDump"/> prints it and an edited copy)
/// run against one database on one connection, interleaved: A, B, A, B, ... after a warm-up of each,
/// with the median wall and processor time of each. On a shared machine the views' figures move
/// ±20 % between identical runs; alternating executions in one process sees each change under the
/// same load, which is how a small change to a query can be measured at all. Each file holds one
/// statement (a dump's "----" separator and what follows it are ignored); nothing is written.
/// </summary>
internal static class SqlAb
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? database = null;
        var runs = 9;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--database": database = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: files.Add(args[i]); break;
            }
        }
        if (database is null || files.Count < 2 || runs < 1)
        {
            Console.Error.WriteLine("Usage: sql-ab --database PATH [--runs N] A.sql B.sql [C.sql ...]");
            return 2;
        }
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"No database at {database}.");
            return 2;
        }
        var texts = files.Select(f => File.ReadAllText(f).Split("\n----", 2)[0]).ToList();

        await using var db = new DuckDbDatabase(database, "8GB", BenchStack.Threads);
        await using var connection = await db.OpenConnectionAsync();
        var wall = texts.Select(_ => new List<double>()).ToList();
        var cpu = texts.Select(_ => new List<double>()).ToList();
        var rows = new long[texts.Count];
        for (var run = 0; run <= runs; run++)
        {
            for (var k = 0; k < texts.Count; k++)
            {
                double ms, cpuMs;
                long count;
                try
                {
                    (ms, cpuMs, count) = await TimeAsync(connection, texts[k]);
                }
                catch (DbException ex)
                {
                    Console.Error.WriteLine($"{files[k]}: {ex.Message}");
                    return 1;
                }
                rows[k] = count;
                if (run > 0) // run 0 warms each text up (the blocks it reads, the first plan)
                {
                    wall[k].Add(ms);
                    cpu[k].Add(cpuMs);
                }
            }
        }
        Console.WriteLine($"{runs} interleaved runs each, median (min) ms");
        for (var k = 0; k < texts.Count; k++)
        {
            Console.WriteLine($"{Path.GetFileName(files[k]),-40} wall {OverviewTiming.Median(wall[k]),8:F1} ({wall[k].Min(),6:F1})  cpu {OverviewTiming.Median(cpu[k]),8:F1} ({cpu[k].Min(),6:F1})  rows {rows[k]}");
        }
        return 0;
    }

    private static async Task<(double Ms, double CpuMs, long Rows)> TimeAsync(DbConnection connection, string sql)
    {
        var cpuBefore = BenchStack.ProcessorMs();
        var started = Stopwatch.GetTimestamp();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        long count = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                count++;
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (elapsed, BenchStack.ProcessorMs() - cpuBefore, count);
    }
}
