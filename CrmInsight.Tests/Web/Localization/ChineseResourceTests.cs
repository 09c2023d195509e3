using System.Globalization;
using System.Text.RegularExpressions;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Localization;

/// <summary>Every English UI text the Web project looks up has a zh-CN translation.</summary>
public sealed partial class ChineseResourceTests
{
    [Fact]
    public void Every_looked_up_text_is_translated()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = zh;
        try
        {
            var missing = UiTexts().Where(text => localizer[text].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "No zh-CN text for: " + string.Join(" | ", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void The_scan_finds_the_texts_it_is_meant_to_check()
    {
        var texts = UiTexts().ToList();
        Assert.Contains("Overview", texts);
        Assert.Contains("Retention and churn", texts); // a label chosen in a switch
        Assert.Contains("Wall display", texts); // a navigation entry
        Assert.Contains("Previous period", texts); // the other side of a conditional
    }

    /// <summary>L["..."] look-ups, and the English keys the label helpers and menus hand to the localiser.</summary>
    private static IEnumerable<string> UiTexts()
    {
        var web = Path.Combine(RepositoryPaths.Root, "CrmInsight.Web");
        var files = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            texts.UnionWith(Lookup().Matches(source).Select(m => m.Groups[1].Value));
            if (source.Contains("IStringLocalizer localizer", StringComparison.Ordinal) || file.EndsWith("NavMenu.razor", StringComparison.Ordinal)
                || file.EndsWith("Overview.razor.cs", StringComparison.Ordinal) || file.EndsWith("KpiDetailPanel.razor", StringComparison.Ordinal))
            {
                texts.UnionWith(LabelKey().Matches(source).Select(m => m.Groups[1].Value));
            }
        }
        return texts;
    }

    [GeneratedRegex("""L\["([^"]+)"[\],]""")]
    private static partial Regex Lookup();

    // "=> "Text"" in label switches, ("Text", Icons...) in the menu, "Text" : "Text" in ternaries.
    [GeneratedRegex("""(?:=>\s*|\(\s*|\?\s*|:\s*)"([A-Z][A-Za-z ,']+)"(?=\s*(?:,|\)|:|;|\]))""")]
    private static partial Regex LabelKey();
}
