using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Api;

/// <summary>
/// How often one client may export (<c>Export</c> section). An export streams a whole filtered
/// table from the database, so a script looping over export links would otherwise keep the
/// database busy for every viewer; past the limit the answer is 429 with Retry-After.
/// </summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>Exports per client (the signed-in user, else the remote address) per minute.</summary>
    public int PerClientPerMinute { get; set; } = 20;
}

public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options) =>
        options.PerClientPerMinute is < 1 or > 10_000
            ? ValidateOptionsResult.Fail("Export:PerClientPerMinute must be between 1 and 10000.")
            : ValidateOptionsResult.Success;
}
