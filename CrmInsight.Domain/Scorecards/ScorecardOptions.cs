using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Scorecards;

/// <summary>Settings of the scorecard (<c>Scorecard</c> configuration section).</summary>
public sealed class ScorecardOptions
{
    public const string Section = "Scorecard";

    /// <summary>
    /// How long the eight-quarter trend of a scorecard (for one filter and scope) is kept before
    /// it is worked out again. It reads every scorecard KPI for twelve quarters — about 90
    /// queries, some 30 s cold on 1 M orders — so it does not follow every write the way the
    /// current scores do; past quarters hardly move.
    /// </summary>
    public TimeSpan TrendRefresh { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class ScorecardOptionsValidator : IValidateOptions<ScorecardOptions>
{
    public ValidateOptionsResult Validate(string? name, ScorecardOptions options) =>
        options.TrendRefresh < TimeSpan.Zero || options.TrendRefresh > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail("Scorecard:TrendRefresh must be between 00:00:00 (always recompute) and 1.00:00:00.")
            : ValidateOptionsResult.Success;
}
