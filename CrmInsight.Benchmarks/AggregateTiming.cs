using System.Diagnostics;
using CrmInsight.Domain.Aggregates;
using CrmInsight.Domain.Storage;
using Dapper;

namespace CrmInsight.Benchmarks;

/// <summary>What the pre-aggregates cost: a full rebuild's time, and their rows and share of the file.</summary>
internal static class AggregateTiming
{
    public static async Task MeasureAsync(string path)
    {
        var sizeBefore = new FileInfo(path).Length / 1024.0 / 1024.0;
        await using var stack = await BenchStack.OpenAsync(path);
        var database = stack.Get<ICrmDatabase>();
        var started = Stopwatch.GetTimestamp();
        await using (var connection = await database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await stack.Get<PreAggregates>().RebuildAsync(connection, transaction);
            await transaction.CommitAsync();
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await using var read = await database.OpenConnectionAsync();
        await read.ExecuteAsync(new CommandDefinition("CHECKPOINT", commandType: System.Data.CommandType.Text));
        // Every pre-aggregate the schema has, by name: a new table is listed without a change here.
        var tables = (await read.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, 'agg_') ORDER BY table_name")).ToList();
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table} {await read.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"):N0}");
        }
        Console.WriteLine($"pre-aggregates: rebuild {seconds:F1} s; rows: {string.Join(", ", counts)}; " +
                          $"file {sizeBefore:F1} MB before this run, {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB with them");
    }
}
