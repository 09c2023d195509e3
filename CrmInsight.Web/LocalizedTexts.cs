using System.Globalization;
using System.Resources;
using CrmInsight.Domain;

namespace CrmInsight.Web;

/// <summary>
/// The Web half of <see cref="LocalizedText"/>: the Domain names a text by key, its words in each
/// language are in Resources/SharedResource*.resx (read through the same resource manager that
/// <c>IStringLocalizer&lt;SharedResource&gt;</c> uses). A key without a resource is shown as it is.
/// </summary>
public static class LocalizedTexts
{
    private static readonly ResourceManager Resources = new("CrmInsight.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string For(this LocalizedText text, CultureInfo culture)
    {
        var words = Resources.GetString(text.Key, culture) ?? text.Key;
        return text.Args.Count == 0
            ? words
            : string.Format(culture, words, [.. text.Args.Select(a => a is LocalizedText inner ? inner.For(culture) : a)]);
    }

    /// <summary>Whether the resources hold <paramref name="key"/> for <paramref name="culture"/> itself (no fallback).</summary>
    internal static bool Has(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key) is not null;
}
