using System.Data.Common;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Storage;

/// <summary>The database the dashboard reads and writes: an open pool of connections to one engine.</summary>
public interface ICrmDatabase : IAsyncDisposable
{
    SqlDialect Dialect { get; }

    int CommandTimeoutSeconds { get; }

    /// <summary>A human-readable location for logs ("DuckDB file /srv/data/crm.duckdb").</summary>
    string Description { get; }

    /// <summary>An open connection for one unit of work; dispose it when done.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);
}
