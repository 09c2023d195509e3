namespace CrmInsight.Domain.Storage;

/// <summary>
/// The DuckDB file is not at its path: not created yet, or moved away, deleted, or its folder or
/// disk gone or closed to the app while it runs. Nothing was created in its place and nothing
/// was read or written.
/// </summary>
public sealed class DatabaseFileMissingException(string path)
    : IOException($"The database file {path} cannot be reached (not there, or its folder cannot be read).")
{
    public string FilePath { get; } = path;
}
