namespace CrmInsight.Domain.Storage;

/// <summary>DuckDB lets one process hold a file for writing; another process already does.</summary>
public sealed class DatabaseLockedException(string path, Exception inner)
    : Exception($"The database file {path} is in use by another process (is the dashboard running on it?). " +
                "Use the dashboard's own import or ingest instead, or stop it first.", inner)
{
    public string FilePath { get; } = path;
}
