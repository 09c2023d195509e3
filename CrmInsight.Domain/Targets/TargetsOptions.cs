using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Targets;

/// <summary>
/// Where the status of a team or rep changes (<c>Targets</c> configuration section), as shares
/// of quota that the run-rate forecast reaches by the period's end: ahead from
/// <see cref="AheadFrom"/>, on track from <see cref="OnTrackFrom"/>, at risk from
/// <see cref="AtRiskFrom"/>, behind below it.
/// </summary>
public sealed class TargetsOptions
{
    public const string Section = "Targets";

    public decimal AheadFrom { get; set; } = 1.05m;

    public decimal OnTrackFrom { get; set; } = 1.00m;

    public decimal AtRiskFrom { get; set; } = 0.90m;

    /// <summary>The status a forecast reaching <paramref name="forecastAttainment"/> of quota has; no quota, no status.</summary>
    public TargetStatus StatusOf(decimal? forecastAttainment) => forecastAttainment switch
    {
        null => TargetStatus.NoQuota,
        { } f when f >= AheadFrom => TargetStatus.Ahead,
        { } f when f >= OnTrackFrom => TargetStatus.OnTrack,
        { } f when f >= AtRiskFrom => TargetStatus.AtRisk,
        _ => TargetStatus.Behind,
    };
}

public sealed class TargetsOptionsValidator : IValidateOptions<TargetsOptions>
{
    public ValidateOptionsResult Validate(string? name, TargetsOptions options)
    {
        var failures = new List<string>();
        if (options.AtRiskFrom is <= 0 or > 10)
        {
            failures.Add($"Targets:AtRiskFrom must be above 0 and at most 10 (a share of quota, 0.9 = 90 %), not {options.AtRiskFrom}.");
        }
        if (options.OnTrackFrom <= options.AtRiskFrom)
        {
            failures.Add($"Targets:OnTrackFrom ({options.OnTrackFrom}) must be above Targets:AtRiskFrom ({options.AtRiskFrom}).");
        }
        if (options.AheadFrom <= options.OnTrackFrom || options.AheadFrom > 10)
        {
            failures.Add($"Targets:AheadFrom ({options.AheadFrom}) must be above Targets:OnTrackFrom ({options.OnTrackFrom}) and at most 10.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
