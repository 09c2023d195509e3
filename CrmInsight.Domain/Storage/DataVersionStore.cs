using System.Data.Common;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Storage;

/// <summary>
/// The data-version row: every write bumps it once, in the writer's transaction, and cached
/// results are keyed by it, so a reader never mixes results of two versions of the data.
/// </summary>
public sealed class DataVersionStore(QueryRunner runner, TimeProvider time)
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken = default)
    {
        var rows = await runner.QueryRowsAsync("system/data_version", SqlArgs.Empty, cancellationToken);
        return rows.Count == 0 ? 0 : rows[0].GetInt64("version");
    }

    public Task BumpAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default) =>
        runner.ExecuteAsync(
            "system/bump_data_version",
            SqlArgs.Empty.With("updated_at", time.GetUtcNow().UtcDateTime),
            connection,
            transaction,
            cancellationToken);
}
