using System.Data.Common;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Storage;

/// <summary>
/// The data-version row: every write bumps it once, in the writer's transaction, and records
/// which data areas it touched. Cached results are keyed by the version at which the areas
/// they read last changed.
/// </summary>
public sealed class DataVersionStore(QueryRunner runner, TimeProvider time)
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken = default) =>
        (await ReadSnapshotAsync(cancellationToken)).Version;

    public async Task<DataVersionSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var rows = await runner.QueryRowsAsync("system/data_version", SqlArgs.Empty, cancellationToken);
        var changes = await runner.QueryRowsAsync("system/data_changes", SqlArgs.Empty, cancellationToken);
        return new DataVersionSnapshot(
            rows.Count == 0 ? 0 : rows[0].GetInt64("version"),
            changes.ToDictionary(r => r.GetString("area") ?? "", r => r.GetInt64("version"), StringComparer.Ordinal),
            time.GetUtcNow());
    }

    /// <summary>Bumps the version for a write that touched every area (an import).</summary>
    public Task BumpAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default) =>
        BumpAsync(connection, transaction, [DataAreas.All], cancellationToken);

    /// <summary>Bumps the version once and records the areas (tables) the write touched.</summary>
    public async Task BumpAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> areas, CancellationToken cancellationToken = default)
    {
        await runner.ExecuteAsync(
            "system/bump_data_version",
            SqlArgs.Empty.With("updated_at", time.GetUtcNow().UtcDateTime),
            connection,
            transaction,
            cancellationToken);
        foreach (var area in areas.Distinct(StringComparer.Ordinal))
        {
            var args = SqlArgs.Empty.With("area", area);
            await runner.ExecuteAsync("system/clear_area_change", args, connection, transaction, cancellationToken);
            await runner.ExecuteAsync("system/record_area_change", args, connection, transaction, cancellationToken);
        }
    }
}
