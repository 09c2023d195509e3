using System.Globalization;
using System.Xml.Linq;
using CrmInsight.Domain;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web;

namespace CrmInsight.Tests.Web.Localization;

/// <summary>
/// The Domain names its texts by key (KPIs, measures, tables, stages, segments, bands); the Web's
/// resources hold each in en-US (SharedResource.resx) and zh-CN (SharedResource.zh-CN.resx).
/// </summary>
public sealed class DomainTextTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture; // the neutral resources are the en-US texts
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void Every_key_the_domain_names_has_an_english_and_a_chinese_text()
    {
        Assert.True(DomainTexts.Keys.Count > 300, $"the Domain's keys were found ({DomainTexts.Keys.Count})");
        var missing = DomainTexts.Keys
            .SelectMany(k => new[] { (k, English), (k, Chinese) })
            .Where(p => !LocalizedTexts.Has(p.k, p.Item2))
            .Select(p => $"{p.k} ({(p.Item2 == English ? "en-US" : "zh-CN")})")
            .ToList();
        Assert.True(missing.Count == 0, "No text for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void The_texts_are_the_ones_of_each_language()
    {
        var revenue = new LocalizedText("kpi.revenue.name");

        Assert.Equal("Revenue", revenue.For(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("销售额", revenue.For(Chinese));
        Assert.Equal("Proposal", new LocalizedText("stage.proposal").For(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("some_code", new LocalizedText("some_code").For(Chinese)); // no resource: shown as it is
        // Every Chinese text of a Domain key is Chinese, not an English text copied over.
        var notChinese = DomainTexts.Keys.Where(k => !System.Text.RegularExpressions.Regex.IsMatch(new LocalizedText(k).For(Chinese), @"\p{IsCJKUnifiedIdeographs}|[，（）]")).ToList();
        Assert.True(notChinese.Count == 0, "Not Chinese: " + string.Join(" | ", notChinese));
    }

    /// <summary>Every message key the Domain's validators write is one DomainTexts lists (and so has both texts).</summary>
    [Fact]
    public void The_validators_write_only_listed_messages()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "CrmInsight.Domain");
        var used = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"new\(""((?:alert|scorecard|problem)\.[a-z_]+)""").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.True(used.Count >= 15, $"the validators' messages were found ({used.Count})");
        Assert.Equal(used.Order(StringComparer.Ordinal), DomainTexts.Messages.Order(StringComparer.Ordinal));
    }

    /// <summary>A Domain-style key (with a dot) in the resources that the Domain no longer names is a leftover.</summary>
    [Fact]
    public void The_resources_hold_no_domain_key_nobody_names()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "CrmInsight.Web", "Resources");
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.zh-CN.resx" })
        {
            var keys = XDocument.Load(Path.Combine(folder, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                .Where(k => System.Text.RegularExpressions.Regex.IsMatch(k, @"^[a-z]+\.[A-Za-z0-9_.-]+$"));
            Assert.DoesNotContain(keys, k => !DomainTexts.Keys.Contains(k));
        }
    }
}
