using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Api;

/// <summary>Limits of one ingest request (<c>Ingest</c> configuration section).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public int MaxRecords { get; set; } = 10_000;

    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
}

public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRecords is < 1 or > 1_000_000)
        {
            failures.Add("Ingest:MaxRecords must be between 1 and 1000000.");
        }
        if (options.MaxBodyBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add("Ingest:MaxBodyBytes must be between 1024 and 1073741824.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
