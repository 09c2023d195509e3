using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Queries;

/// <summary>Bounds of the shared query-result cache (<c>QueryCache</c> configuration section).</summary>
public sealed class QueryCacheOptions
{
    public const string Section = "QueryCache";

    /// <summary>
    /// How long a result is kept. Results of superseded data versions are never read again,
    /// so this bounds the memory a busy live feed leaves behind.
    /// </summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest cache key (query name plus its arguments, e.g. long member lists).</summary>
    public int MaxKeyLength { get; set; } = 16 * 1024;

    /// <summary>
    /// How many of the queries a page asks for run at once (each on its own connection). DuckDB
    /// executes a command synchronously on the calling thread, so without this a page's queries
    /// would run one after another; more at once than this only contend for the cores and memory.
    /// </summary>
    public int MaxConcurrentQueries { get; set; } = 4;
}

public sealed class QueryCacheOptionsValidator : IValidateOptions<QueryCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryCacheOptions options)
    {
        var failures = new List<string>();
        if (options.Expiration < TimeSpan.FromSeconds(1) || options.Expiration > TimeSpan.FromDays(1))
        {
            failures.Add("QueryCache:Expiration must be between 00:00:01 and 1.00:00:00.");
        }
        if (options.MaxKeyLength is < 1024 or > 1024 * 1024)
        {
            failures.Add("QueryCache:MaxKeyLength must be between 1024 and 1048576.");
        }
        if (options.MaxConcurrentQueries is < 1 or > 64)
        {
            failures.Add("QueryCache:MaxConcurrentQueries must be between 1 and 64.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
