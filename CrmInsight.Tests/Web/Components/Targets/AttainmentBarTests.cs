using Bunit;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Targets;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Kpis;
using CrmInsight.Web.Components.Targets;

namespace CrmInsight.Tests.Web.Components.Targets;

/// <summary>The pace marker sits where the plan expects revenue by today; fill and quota line share its scale.</summary>
public sealed class AttainmentBarTests
{
    [Fact]
    public async Task Fill_quota_line_and_pace_marker_sit_on_one_scale()
    {
        await using var context = ComponentTestContext.Create();

        // 60 % of quota on day 15 of 30 (elapsed share 0.5), on a track that ends at 120 %:
        // fill 0.6 / 1.2 = 50 %, quota line 1 / 1.2 = 83.33 %, pace marker 0.5 / 1.2 = 41.67 %.
        var bar = context.Render<AttainmentBar>(p => p
            .Add(b => b.Attainment, 0.6m).Add(b => b.ElapsedShare, 0.5m).Add(b => b.Scale, 1.2m).Add(b => b.Status, TargetStatus.Ahead));

        Assert.Equal("width:50%", bar.Find("[data-testid=bar-fill]").GetAttribute("style"));
        Assert.Equal("left:83.33%", bar.Find("[data-testid=bar-quota]").GetAttribute("style"));
        Assert.Equal("left:41.67%", bar.Find("[data-testid=pace-marker]").GetAttribute("style"));
        Assert.Contains("status-ahead", bar.Find("[data-testid=attainment-bar]").ClassList);
        Assert.Equal("60% of quota · expected by today 50%", bar.Find("[data-testid=attainment-bar]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Without_a_quota_there_is_no_fill_and_beyond_the_scale_the_bar_is_full()
    {
        await using var context = ComponentTestContext.Create();

        var none = context.Render<AttainmentBar>(p => p.Add(b => b.Attainment, null).Add(b => b.ElapsedShare, 0.25m));
        Assert.Empty(none.FindAll("[data-testid=bar-fill]"));
        Assert.Equal("left:25%", none.Find("[data-testid=pace-marker]").GetAttribute("style"));
        Assert.Equal("left:100%", none.Find("[data-testid=bar-quota]").GetAttribute("style")); // the scale never drops below quota
        Assert.Contains("status-none", none.Find("[data-testid=attainment-bar]").ClassList);

        var over = context.Render<AttainmentBar>(p => p.Add(b => b.Attainment, 3m).Add(b => b.ElapsedShare, 1m).Add(b => b.Scale, 2m));
        Assert.Equal("width:100%", over.Find("[data-testid=bar-fill]").GetAttribute("style"));
        Assert.Equal("left:50%", over.Find("[data-testid=pace-marker]").GetAttribute("style"));
    }

    [Theory]
    [InlineData(new double[] { 0.4, 0.8 }, 1.0)] // under quota: the track ends at quota
    [InlineData(new double[] { 0.4, 1.12 }, 1.25)] // rounded up to the next 25 %
    [InlineData(new double[] { 3.4 }, 2.0)] // capped at 200 %
    public void The_scale_fits_the_highest_bar(double[] attainments, double scale) =>
        Assert.Equal((decimal)scale, AttainmentBar.ScaleFor(attainments.Select(a => (decimal?)(decimal)a)));

    [Fact]
    public async Task A_headline_shows_the_gap_in_money_and_a_snapshot_tile_says_now()
    {
        await using var context = ComponentTestContext.Create();
        // Beta on day 10 of 31: 310 of 1550, forecast 961 (62 %), short by 589.
        var beta = new TargetStanding(2, "Beta", null, 310m, 1550m, 0.2m, 0.62m, 961m, 0.62m, null, 10m / 31m, 500m, TargetStatus.Behind);

        var headline = context.Render<TargetHeadline>(p => p.Add(h => h.Standing, beta));

        Assert.Equal("20.0%", headline.Find("[data-testid=headline-attainment]").TextContent.Trim());
        Assert.Equal("Behind", headline.Find("[data-testid=headline-status]").TextContent.Trim());
        Assert.Equal("¥500", headline.Find("[data-testid=headline-expected]").TextContent.Trim());
        Assert.Contains("short by ¥589", headline.Find("[data-testid=headline-gap]").TextContent, StringComparison.Ordinal);

        var catalog = new KpiCatalog();
        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, new KpiResult(catalog.Get("weighted_pipeline"), 2600m, null, [], [], [])));
        Assert.Equal("now", tile.Find("[data-testid=kpi-now-weighted_pipeline]").TextContent.Trim());
    }
}
