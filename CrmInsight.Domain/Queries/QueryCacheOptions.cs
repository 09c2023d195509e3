using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Queries;

/// <summary>Bounds of the shared query-result cache (<c>QueryCache</c> configuration section).</summary>
public sealed class QueryCacheOptions
{
    public const string Section = "QueryCache";

    /// <summary>Results held at most; the least recently used go first.</summary>
    public int MaxEntries { get; set; } = 5000;

    /// <summary>A result not read for this long is dropped.</summary>
    public TimeSpan SlidingExpiration { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class QueryCacheOptionsValidator : IValidateOptions<QueryCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryCacheOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEntries is < 10 or > 1_000_000)
        {
            failures.Add("QueryCache:MaxEntries must be between 10 and 1000000.");
        }
        if (options.SlidingExpiration < TimeSpan.FromSeconds(1) || options.SlidingExpiration > TimeSpan.FromDays(1))
        {
            failures.Add("QueryCache:SlidingExpiration must be between 00:00:01 and 1.00:00:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
