using CrmInsight.Domain.Sql;
using Dapper;

namespace CrmInsight.Domain.Storage;

/// <summary>Creates the star schema. Every statement is guarded, so running it on an existing
/// database changes nothing.</summary>
public static class SchemaInstaller
{
    public static async Task InstallAsync(ICrmDatabase database, SqlCatalog catalog, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var script = catalog.GetSchema(database.Dialect);
        await connection.ExecuteAsync(new CommandDefinition(script, commandTimeout: database.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        if (database.Dialect == SqlDialect.DuckDb)
        {
            await SequenceSync.SyncAsync(connection, cancellationToken);
        }
    }
}
