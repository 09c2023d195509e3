using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Alerts;

/// <summary>Where alert firings and clearings are POSTed, and how hard to try (<c>Alerts</c> configuration section).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Absolute http(s) URLs; each firing and clearing is POSTed to every one as JSON.</summary>
    public List<string> Webhooks { get; set; } = [];

    /// <summary>Retries after a failed POST (a 5xx, 408, 429, a timeout or no answer), with exponential backoff and jitter.</summary>
    public int WebhookRetries { get; set; } = 4;

    /// <summary>The first backoff; each retry waits about twice as long as the one before.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one POST may take.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often rules on KPIs that move with the clock (freshness, update rate) are evaluated again between data changes.</summary>
    public TimeSpan ClockInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            if (!Uri.TryCreate(options.Webhooks[i], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Alerts:Webhooks:{i} must be an absolute http or https URL ('{options.Webhooks[i]}' is not).");
            }
        }
        if (options.WebhookRetries is < 1 or > 10)
        {
            failures.Add("Alerts:WebhookRetries must be between 1 and 10.");
        }
        if (options.WebhookRetryDelay < TimeSpan.FromMilliseconds(10) || options.WebhookRetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Alerts:WebhookRetryDelay must be between 00:00:00.010 and 00:01:00.");
        }
        if (options.WebhookTimeout < TimeSpan.FromSeconds(1) || options.WebhookTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Alerts:WebhookTimeout must be between 00:00:01 and 00:02:00.");
        }
        if (options.ClockInterval < TimeSpan.FromSeconds(10) || options.ClockInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Alerts:ClockInterval must be between 00:00:10 and 01:00:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
