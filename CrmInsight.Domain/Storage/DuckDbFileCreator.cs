using CrmInsight.Domain.Aggregates;
using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Sql;
using Dapper;

namespace CrmInsight.Domain.Storage;

/// <summary>
/// Creates a new DuckDB database file: the schema and, unless told otherwise, the demo
/// company. It is built under a temporary name and renamed when complete, so a crash or a
/// cancelled start never leaves a half-filled database behind.
/// </summary>
public static class DuckDbFileCreator
{
    public static async Task<DemoSummary?> CreateAsync(
        string path, DemoOptions? demo, TimeProvider time, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var building = target + ".creating";
        DeleteWithWal(building);

        DemoSummary? summary = null;
        await using (var database = new DuckDbDatabase(building, createIfMissing: true))
        {
            await SchemaInstaller.InstallAsync(database, SqlCatalog.Default, cancellationToken);
            await using var connection = await database.OpenDuckDbConnectionAsync(cancellationToken);
            if (demo is not null)
            {
                using var sink = new DuckDbDemoSink(connection, time);
                summary = new DemoDataGenerator(demo, time).Generate(sink, progress, cancellationToken);
                progress?.Invoke("Demo data: sorting and writing orders");
                sink.Complete();
            }
            using var metrics = new QueryMetrics();
            var runner = new QueryRunner(database, SqlCatalog.Default, metrics);
            progress?.Invoke("Building the pre-aggregates");
            await new PreAggregates(runner, time).RebuildAsync(connection, null, cancellationToken);
            await new DataVersionStore(runner, time).BumpAsync(connection, null, cancellationToken);
            await SequenceSync.SyncAsync(connection, cancellationToken); // the demo rows carry their own ids
            await connection.ExecuteAsync(new CommandDefinition("CHECKPOINT", commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken));
        }
        File.Move(building, target);
        return summary;
    }

    private static void DeleteWithWal(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
