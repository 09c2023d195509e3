using System.Data.Common;
using CrmInsight.Domain.Sql;
using DuckDB.NET.Data;

namespace CrmInsight.Domain.Storage;

/// <summary>
/// An embedded DuckDB file. A root connection stays open for the object's lifetime, so the
/// per-query connections share one database instance (about 0.3 ms to open instead of
/// re-opening the file each time), and the path is made absolute first because the same file
/// reached through two spellings would open two conflicting instances in one process.
/// Opening a file that does not exist fails unless <c>createIfMissing</c> says otherwise: the
/// dashboard's database is created only by <see cref="DuckDbFileCreator"/> (under a temporary name,
/// then renamed), so no request during the first start can create an empty file in its place.
/// </summary>
public sealed class DuckDbDatabase : ICrmDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _rootLock = new(1, 1);
    private readonly bool _createIfMissing;
    private DuckDBConnection? _root;

    public DuckDbDatabase(string path, string? memoryLimit = null, int threads = 0, int commandTimeoutSeconds = 120, bool createIfMissing = false, long minFreeDiskBytes = 0)
    {
        FilePath = Path.GetFullPath(path);
        _createIfMissing = createIfMissing;
        MinFreeDiskBytes = minFreeDiskBytes;
        CommandTimeoutSeconds = commandTimeoutSeconds;
        var settings = new List<string> { $"Data Source={FilePath}" };
        if (!string.IsNullOrWhiteSpace(memoryLimit))
        {
            settings.Add($"memory_limit={memoryLimit}");
        }
        if (threads > 0)
        {
            settings.Add($"threads={threads}");
        }
        _connectionString = string.Join(';', settings);
    }

    public string FilePath { get; }

    /// <summary>Writes are refused while the file's disk has less free space than this.</summary>
    public long MinFreeDiskBytes { get; }

    public SqlDialect Dialect => SqlDialect.DuckDb;

    public int CommandTimeoutSeconds { get; }

    public string Description => $"DuckDB file {FilePath}";

    /// <summary>True when the file exists on disk (before the first open creates it).</summary>
    public bool FileExists => File.Exists(FilePath);

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRootAsync(cancellationToken);
        // DuckDB holds the file open, so it would go on answering from a file moved away, deleted
        // or unmounted under it (and commit writes into a file nobody opens again). Each unit of
        // work looks at the path first — a stat, never an open: closing another handle of the
        // file would drop DuckDB's lock on it. The change monitor's poll then fails, the screens
        // say the data is stale, and they recover by themselves once the file is back.
        if (!File.Exists(FilePath))
        {
            throw new DatabaseFileMissingException(FilePath);
        }
        var connection = new DuckDBConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public void EnsureRoomToWrite()
    {
        if (MinFreeDiskBytes <= 0)
        {
            return;
        }
        var folder = Path.GetDirectoryName(FilePath)!;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (free < MinFreeDiskBytes)
        {
            throw new DiskSpaceException(folder, free, MinFreeDiskBytes);
        }
    }

    /// <summary>The native appender API needs the concrete connection type.</summary>
    public async Task<DuckDBConnection> OpenDuckDbConnectionAsync(CancellationToken cancellationToken = default) =>
        (DuckDBConnection)await OpenConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_root is not null)
        {
            await _root.DisposeAsync();
            _root = null;
        }
        _rootLock.Dispose();
    }

    private async Task EnsureRootAsync(CancellationToken cancellationToken)
    {
        if (_root is not null)
        {
            return;
        }
        await _rootLock.WaitAsync(cancellationToken);
        try
        {
            if (_root is null)
            {
                if (!_createIfMissing && !File.Exists(FilePath))
                {
                    throw new DatabaseFileMissingException(FilePath);
                }
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                var root = new DuckDBConnection(_connectionString);
                try
                {
                    await root.OpenAsync(cancellationToken);
                }
                catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
                {
                    await root.DisposeAsync();
                    throw new DatabaseLockedException(FilePath, ex);
                }
                _root = root;
            }
        }
        finally
        {
            _rootLock.Release();
        }
    }
}
