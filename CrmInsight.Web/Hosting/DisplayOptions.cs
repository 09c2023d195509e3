using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Hosting;

/// <summary>How numbers are shown (<c>Display</c> configuration section).</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";

    /// <summary>ISO code of the currency the data is in. Money is shown in it whatever the UI language.</summary>
    public string Currency { get; set; } = "CNY";

    /// <summary>UI language for a browser that has not chosen one: en-US or zh-CN.</summary>
    public string DefaultCulture { get; set; } = "en-US";
}

public sealed class DisplayOptionsValidator : IValidateOptions<DisplayOptions>
{
    public static readonly string[] SupportedCultures = ["en-US", "zh-CN"];

    public ValidateOptionsResult Validate(string? name, DisplayOptions options)
    {
        var failures = new List<string>();
        if (options.Currency is not { Length: 3 } || !options.Currency.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"Display:Currency must be a three-letter ISO code such as CNY or USD, not '{options.Currency}'.");
        }
        if (!SupportedCultures.Contains(options.DefaultCulture))
        {
            failures.Add($"Display:DefaultCulture must be one of {string.Join(", ", SupportedCultures)}, not '{options.DefaultCulture}'.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
