using Bunit;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Satisfaction;

namespace CrmInsight.Tests.Web.Components.Satisfaction;

public sealed class BandDistributionTests
{
    private static SqlRow Surveys(long veryStatisfied, long satisfied, long neutral, long dissatisfied) => new(new Dictionary<string, object?>
    {
        ["csat_responses"] = veryStatisfied + satisfied + neutral + dissatisfied,
        ["csat_very_satisfied"] = veryStatisfied,
        ["csat_satisfied"] = satisfied,
        ["csat_neutral"] = neutral,
        ["csat_dissatisfied"] = dissatisfied,
        ["service_ratings"] = 4L,
        ["service_excellent"] = 0L,
        ["service_good"] = 1L,
        ["service_pass"] = 0L,
        ["service_fail"] = 3L,
    });

    [Fact]
    public async Task Shows_each_band_with_its_range_count_and_share()
    {
        await using var context = ComponentTestContext.Create();

        var bands = context.Render<BandDistribution>(p => p.Add(b => b.Bands, SurveyBands.Csat(Surveys(5, 3, 1, 1))).Add(b => b.Name, "csat"));

        var rows = bands.FindAll("[data-testid^=band-]").Where(e => e.TagName == "TR").ToList();
        Assert.Equal(["Very satisfied90–100550.0%", "Satisfied70–89330.0%", "Neutral50–69110.0%", "Dissatisfied0–49110.0%"],
            rows.Select(r => string.Concat(r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))));
        // The bar has one segment per band with answers, as wide as its share.
        Assert.Equal(["width:50%", "width:30%", "width:10%", "width:10%"],
            bands.FindAll(".band-segment").Select(s => s.GetAttribute("style")!.Split(';')[0]));
    }

    [Fact]
    public async Task Service_quality_uses_its_own_bands_and_skips_empty_segments()
    {
        await using var context = ComponentTestContext.Create();

        var bands = context.Render<BandDistribution>(p => p.Add(b => b.Bands, SurveyBands.Service(Surveys(1, 0, 0, 0))).Add(b => b.Name, "service"));

        Assert.Equal(["9–10", "7–8", "5–6", "1–4"], bands.FindAll("tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.Equal(["0", "1", "0", "3"], bands.FindAll("[data-testid=band-count]").Select(td => td.TextContent.Trim()));
        Assert.Equal(2, bands.FindAll(".band-segment").Count); // good 25 %, fail 75 %
    }

    [Fact]
    public async Task No_answers_says_so_instead_of_showing_empty_bands()
    {
        await using var context = ComponentTestContext.Create();

        var bands = context.Render<BandDistribution>(p => p.Add(b => b.Bands, SurveyBands.Csat(null)).Add(b => b.Name, "csat"));

        Assert.NotNull(bands.Find("[data-testid=bands-empty]"));
        Assert.Empty(bands.FindAll(".band-segment"));
    }

    [Fact]
    public async Task Labels_follow_the_ui_culture()
    {
        await using var context = ComponentTestContext.Create("zh-CN");

        var bands = context.Render<BandDistribution>(p => p.Add(b => b.Bands, SurveyBands.Csat(Surveys(1, 1, 1, 1))).Add(b => b.Name, "csat"));

        Assert.Contains("非常满意", bands.Find("[data-testid=band-very_satisfied]").TextContent, StringComparison.Ordinal);
    }
}
