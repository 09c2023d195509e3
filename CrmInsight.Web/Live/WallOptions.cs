using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Live;

/// <summary>Defaults of the wall display (<c>Wall</c> configuration section); the URL may override views and interval.</summary>
public sealed class WallOptions
{
    public const string Section = "Wall";

    /// <summary>The views the wall rotates through, in order (names as in <see cref="WallViews"/>).</summary>
    public string Views { get; set; } = "headline,trend,customers,service";

    /// <summary>Seconds each view stays on screen.</summary>
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>A full page reload this often, as the last defence against anything a browser accumulates.</summary>
    public double ReloadHours { get; set; } = 12;

    /// <summary>Reconnect failures in a row after which the page reloads itself (once the server answers).</summary>
    public int MaxReconnectFailures { get; set; } = 5;

    /// <summary>How often a wall checks that its display key is still valid.</summary>
    public TimeSpan KeyCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class WallOptionsValidator : IValidateOptions<WallOptions>
{
    public ValidateOptionsResult Validate(string? name, WallOptions options)
    {
        var failures = new List<string>();
        if (!WallViews.TryParse(options.Views, out _, out var problem))
        {
            failures.Add($"Wall:Views: {problem}");
        }
        if (options.IntervalSeconds is < WallViews.MinIntervalSeconds or > WallViews.MaxIntervalSeconds)
        {
            failures.Add($"Wall:IntervalSeconds must be between {WallViews.MinIntervalSeconds} and {WallViews.MaxIntervalSeconds}.");
        }
        if (options.ReloadHours is < 0.1 or > 24 * 7)
        {
            failures.Add("Wall:ReloadHours must be between 0.1 and 168.");
        }
        if (options.MaxReconnectFailures is < 1 or > 100)
        {
            failures.Add("Wall:MaxReconnectFailures must be between 1 and 100.");
        }
        if (options.KeyCheckInterval < TimeSpan.FromSeconds(1) || options.KeyCheckInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("Wall:KeyCheckInterval must be between 00:00:01 and 00:10:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
