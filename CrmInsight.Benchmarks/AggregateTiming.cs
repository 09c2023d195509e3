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
        var first = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_first_sale");
        var chain = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_sale_chain");
        var days = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_sale_day");
        var conversions = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_touch_conversion");
        var categories = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_category_chain");
        var cohorts = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_cohort_activity");
        var members = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_member_chain");
        var repeats = await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agg_ticket_repeat");
        var serviceDays = await read.ExecuteScalarAsync<long>("SELECT (SELECT COUNT(*) FROM agg_ticket_day) + (SELECT COUNT(*) FROM agg_survey_day)");
        var targets = await read.ExecuteScalarAsync<long>("SELECT (SELECT COUNT(*) FROM agg_rep_sale_day) + (SELECT COUNT(*) FROM agg_activity_day) + (SELECT COUNT(*) FROM agg_opportunity_day)");
        Console.WriteLine($"pre-aggregates: rebuild {seconds:F1} s; agg_first_sale {first:N0} rows, agg_sale_chain {chain:N0} rows, agg_sale_day {days:N0} rows, " +
                          $"agg_touch_conversion {conversions:N0} rows, agg_category_chain {categories:N0} rows, agg_cohort_activity {cohorts:N0} rows, agg_member_chain {members:N0} rows, " +
                          $"agg_ticket_repeat {repeats:N0} rows, agg_ticket_day + agg_survey_day {serviceDays:N0} rows, " +
                          $"agg_rep_sale_day + agg_activity_day + agg_opportunity_day {targets:N0} rows; " +
                          $"file {sizeBefore:F1} MB before this run, {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB with them");
    }
}
