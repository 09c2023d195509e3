using System.Data.Common;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A real database that a test can "pull away": while <see cref="Unreachable"/>, every open fails like a lost server;
/// while <see cref="Held"/> is set, every open waits for it (a slow server the test releases).
/// </summary>
public sealed class SwitchableDatabase(ICrmDatabase inner) : ICrmDatabase
{
    public bool Unreachable { get; set; }

    public SqlDialect Dialect => inner.Dialect;

    public int CommandTimeoutSeconds => inner.CommandTimeoutSeconds;

    public string Description => inner.Description;

    public TaskCompletionSource? Held { get; set; }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (Held is { } held)
        {
            await held.Task.WaitAsync(cancellationToken);
        }
        return Unreachable ? throw new IOException("The database server is unreachable (test).") : await inner.OpenConnectionAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
