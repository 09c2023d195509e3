using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Live;

/// <summary>How the app follows changes in the data (<c>Live</c> configuration section).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>The fastest allowed poll: faster only costs the database without showing anything sooner to a person.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the change monitor reads the data version.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Data not confirmed current for this long is shown as stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A page redraws at most once per this interval, however fast the data changes.</summary>
    public TimeSpan RedrawInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A failed load is tried again after this long, then after longer and longer waits…</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>…of at most this long, until it succeeds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Recompute every page's default view (default filter, full scope) right after the data
    /// changes, before a screen asks, so walls and the next visitor find it ready. Off: each
    /// view is computed when it is first asked for.
    /// </summary>
    public bool WarmDefaultViews { get; set; } = true;
}

public sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < LiveOptions.MinPollInterval || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Live:PollInterval must be between {LiveOptions.MinPollInterval} and 00:10:00.");
        }
        if (options.StaleAfter < options.PollInterval * 3)
        {
            failures.Add("Live:StaleAfter must be at least three poll intervals (Live:PollInterval × 3).");
        }
        if (options.RedrawInterval < TimeSpan.FromMilliseconds(250) || options.RedrawInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("Live:RedrawInterval must be between 00:00:00.250 and 00:10:00.");
        }
        if (options.RetryDelay < TimeSpan.FromMilliseconds(100) || options.RetryMaxDelay < options.RetryDelay || options.RetryMaxDelay > TimeSpan.FromMinutes(10))
        {
            failures.Add("Live:RetryDelay must be at least 00:00:00.100 and Live:RetryMaxDelay between it and 00:10:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
