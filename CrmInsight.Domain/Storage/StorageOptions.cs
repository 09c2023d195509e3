using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Storage;

/// <summary>Where the data lives. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.DuckDb;

    /// <summary>The DuckDB file; a relative path is under the app's content root.</summary>
    public string DuckDbPath { get; set; } = "data/crminsight.duckdb";

    /// <summary>DuckDB's memory cap (its own default is most of the machine's RAM).</summary>
    public string DuckDbMemoryLimit { get; set; } = "4GB";

    /// <summary>DuckDB worker threads; 0 lets DuckDB use every core.</summary>
    public int DuckDbThreads { get; set; }

    /// <summary>SQL Server connection string (<c>ConnectionStrings:SqlServer</c>).</summary>
    public string? SqlServerConnectionString { get; set; }

    public int CommandTimeoutSeconds { get; set; } = 120;

    /// <summary>DuckDB: writes are refused (503) while the database's disk has less free space than this.</summary>
    public long MinFreeDiskBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>How long a write waits for the one before it (an import's merge, a large ingest) before it is refused with 503.</summary>
    public TimeSpan WriteWaitTimeout { get; set; } = WriteGate.DefaultTimeout;
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Storage:Provider must be DuckDb or SqlServer, not '{options.Provider}'.");
        }
        if (options.Provider == StorageProvider.DuckDb && string.IsNullOrWhiteSpace(options.DuckDbPath))
        {
            failures.Add("Storage:DuckDbPath must name a file when Storage:Provider is DuckDb.");
        }
        if (options.Provider == StorageProvider.SqlServer && string.IsNullOrWhiteSpace(options.SqlServerConnectionString))
        {
            failures.Add("ConnectionStrings:SqlServer must be set when Storage:Provider is SqlServer.");
        }
        if (options.DuckDbThreads < 0)
        {
            failures.Add("Storage:DuckDbThreads must be 0 (all cores) or more.");
        }
        if (options.CommandTimeoutSeconds is < 1 or > 3600)
        {
            failures.Add("Storage:CommandTimeoutSeconds must be between 1 and 3600.");
        }
        if (options.WriteWaitTimeout < TimeSpan.FromMilliseconds(100) || options.WriteWaitTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Storage:WriteWaitTimeout must be between 00:00:00.1 and 00:10:00.");
        }
        if (options.MinFreeDiskBytes < 0)
        {
            failures.Add("Storage:MinFreeDiskBytes must be 0 (no check) or more.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
