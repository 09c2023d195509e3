using System.Data.Common;
using CrmInsight.Domain.Sql;
using Microsoft.Data.SqlClient;

namespace CrmInsight.Domain.Storage;

/// <summary>SQL Server through Microsoft.Data.SqlClient; pooling is the driver's.</summary>
public sealed class SqlServerDatabase(string connectionString, int commandTimeoutSeconds = 120) : ICrmDatabase
{
    public SqlDialect Dialect => SqlDialect.SqlServer;

    public int CommandTimeoutSeconds { get; } = commandTimeoutSeconds;

    public string Description
    {
        get
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            return $"SQL Server {builder.DataSource}/{builder.InitialCatalog}";
        }
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
