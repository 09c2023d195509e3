namespace CrmInsight.Domain.Storage;

/// <summary>The DuckDB file is not there (yet): it is being created, or was moved away. Nothing was created in its place.</summary>
public sealed class DatabaseFileMissingException(string path)
    : IOException($"The database file {path} does not exist (yet).")
{
    public string FilePath { get; } = path;
}
