using System.Diagnostics;
using CrmInsight.Domain;
using CrmInsight.Domain.Aggregates;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Cli;

/// <summary>
/// <c>aggregates rebuild [--database PATH]</c>: rebuilds every pre-aggregate (the agg_ tables,
/// listed in <see cref="PreAggregates"/>) from the facts in one transaction. Every write path
/// maintains them; this is for a database whose facts were changed by hand.
/// </summary>
public static class AggregatesCommand
{
    public const string Usage = """
        Usage: dotnet run --project CrmInsight.Web -- aggregates rebuild [--database PATH]

          Rebuilds the pre-aggregates (first sales, sale, touch and category chains, daily sales,
          cohort counts, touch conversions, and for sales targets the daily sales per rep, follow-ups
          and closed opportunities) from the orders, touches, opportunities and follow-ups, in one
          transaction, and bumps the data version. The dashboard, import, ingest API and simulator
          keep them current by themselves; run this after changing the facts by hand. While the
          dashboard runs on the same DuckDB file, stop it first.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? path = null;
        if (args.Length == 3 && args[0] == "rebuild" && args[1] == "--database")
        {
            path = args[2];
        }
        else if (args is not ["rebuild"])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddCrmInsightOptions(builder.Configuration);
        builder.Services.AddCrmInsightDomain(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (path is not null)
            {
                storage = new StorageOptions { Provider = StorageProvider.DuckDb, DuckDbPath = Path.GetFullPath(path), DuckDbMemoryLimit = storage.DuckDbMemoryLimit };
            }
            return CrmInsightServices.OpenDatabase(storage, builder.Environment.ContentRootPath);
        });
        using var host = builder.Build();
        var database = host.Services.GetRequiredService<ICrmDatabase>();
        if (database is DuckDbDatabase { FileExists: false } missing)
        {
            await error.WriteLineAsync($"There is no database at {missing.FilePath}: pass --database with an existing file.");
            return 1;
        }
        await SchemaInstaller.InstallAsync(database, host.Services.GetRequiredService<SqlCatalog>());
        var started = Stopwatch.GetTimestamp();
        await using (var connection = await database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await host.Services.GetRequiredService<PreAggregates>().RebuildAsync(connection, transaction);
            await host.Services.GetRequiredService<DataVersionStore>().BumpAsync(connection, transaction, [DataAreas.Orders]);
            await transaction.CommitAsync();
        }
        await output.WriteLineAsync($"Pre-aggregates rebuilt in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s ({database.Description}).");
        return 0;
    }
}
