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

    /// <summary>
    /// Called by every writer before it writes: throws <see cref="DiskSpaceException"/> when the
    /// disk is too full to write safely. Nothing to check where a server manages its own storage.
    /// </summary>
    void EnsureRoomToWrite()
    {
    }
}
