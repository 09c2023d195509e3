using System.Globalization;

namespace CrmInsight.Domain;

/// <summary>A text in the two languages the product ships (en-US and zh-CN).</summary>
public sealed record LocalizedText(string En, string Zh)
{
    public string For(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;

    public override string ToString() => For(CultureInfo.CurrentUICulture);
}
