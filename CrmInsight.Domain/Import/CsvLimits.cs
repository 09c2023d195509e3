using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Import;

/// <summary>
/// The longest field and record (in characters) a CSV file may hold — import command, Import
/// page and ingest API alike (<c>Csv</c> configuration section). A quote that is never closed
/// turns the rest of a file into one record; the record cap stops the reader there instead of
/// buffering a 200 MB upload.
/// </summary>
public sealed class CsvLimits
{
    public const string Section = "Csv";

    public static CsvLimits Default { get; } = new();

    public int MaxFieldLength { get; set; } = 32 * 1024;

    public int MaxRecordLength { get; set; } = 1024 * 1024;
}

public sealed class CsvLimitsValidator : IValidateOptions<CsvLimits>
{
    public ValidateOptionsResult Validate(string? name, CsvLimits options)
    {
        var failures = new List<string>();
        if (options.MaxRecordLength is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add("Csv:MaxRecordLength must be between 1024 and 67108864 characters.");
        }
        if (options.MaxFieldLength < 16 || options.MaxFieldLength > options.MaxRecordLength)
        {
            failures.Add("Csv:MaxFieldLength must be at least 16 characters and at most Csv:MaxRecordLength.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
