using System.Globalization;
using System.Text.RegularExpressions;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Localization;

/// <summary>
/// The Import page shows rejection reasons translated. The reasons are read from the import
/// rules' source (Missing("field"), Bad("…"), and the score rules' templates expanded for each
/// score), so a new rule without a zh-CN text fails here.
/// </summary>
public sealed partial class ImportReasonTranslationTests
{
    [Fact]
    public void Every_rejection_reason_has_a_chinese_text()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "CrmInsight.Domain", "Import");
        var source = string.Concat(Directory.EnumerateFiles(folder, "*Target.cs").Select(File.ReadAllText));
        var reasons = new HashSet<string>(StringComparer.Ordinal);
        reasons.UnionWith(MissingCall().Matches(source).Select(m => $"{m.Groups[1].Value} is missing"));
        reasons.UnionWith(FixedReason().Matches(source).Select(m => m.Groups[1].Value));
        foreach (var (field, min, max) in new[] { ("csat", 0, 100), ("rating", 1, 10), ("recommend", 0, 10) })
        {
            reasons.Add($"{field} is not a whole number");
            reasons.Add($"{field} is outside {min}–{max}");
        }
        Assert.Contains("quantity is 0", reasons);
        Assert.Contains("order is missing", reasons);

        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var missing = reasons.Where(r => localizer[r].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "No zh-CN text for: " + string.Join(" | ", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex("""Missing\("([^"]+)"\)""")]
    private static partial Regex MissingCall();

    [GeneratedRegex("""(?:Bad|new Rejection)\("([^"{]+)",""")]
    private static partial Regex FixedReason();
}
