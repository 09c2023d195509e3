using Bunit;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Kpis;

namespace CrmInsight.Tests.Web.Components;

public sealed class KpiTileTests
{
    private static readonly KpiCatalog Catalog = new();

    private static KpiResult Result(string id, decimal? value, decimal? comparison, params DimensionKind[] ignored) =>
        new(Catalog.Get(id), value, comparison, [], [], ignored);

    [Fact]
    public async Task Shows_value_change_and_comparison()
    {
        await using var context = ComponentTestContext.Create();

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("revenue", 88_500_000m, 77_520_000m)));

        Assert.Equal("¥88.50M", tile.Find("[data-testid=kpi-value-revenue]").TextContent.Trim());
        var change = tile.Find("[data-testid=kpi-change-revenue]");
        Assert.Contains("+14.2%", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("vs ¥77.52M", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("good", change.ClassList);
    }

    [Fact]
    public async Task A_fall_in_churn_is_coloured_as_good_news()
    {
        await using var context = ComponentTestContext.Create();

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("churn_rate", 0.278m, 0.305m)));

        var change = tile.Find("[data-testid=kpi-change-churn_rate]");
        Assert.Contains("good", change.ClassList);
        Assert.Contains("−2.7 pts", change.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undefined_value_is_a_dash_and_neutral()
    {
        await using var context = ComponentTestContext.Create();

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("csat", null, 80m)));

        Assert.Equal("—", tile.Find("[data-testid=kpi-value-csat]").TextContent.Trim());
        Assert.Contains("neutral", tile.Find("[data-testid=kpi-change-csat]").ClassList);
    }

    [Fact]
    public async Task Says_which_active_filters_it_ignores()
    {
        await using var context = ComponentTestContext.Create();

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("cac", 134m, 159m, DimensionKind.Region, DimensionKind.Segment)));

        Assert.Equal("Filter ignored: Region, Segment", tile.Find("[data-testid=kpi-ignored-cac]").TextContent.Trim());
        Assert.Empty(context.Render<KpiTile>(p => p.Add(t => t.Result, Result("revenue", 1m, 1m))).FindAll("[data-testid=kpi-ignored-revenue]"));
    }

    [Fact]
    public async Task Speaks_chinese_in_zh_cn()
    {
        await using var context = ComponentTestContext.Create("zh-CN");

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("retention_rate", 0.72m, 0.695m, DimensionKind.Campaign)));

        Assert.Contains("顾客保持率", tile.Markup, StringComparison.Ordinal);
        Assert.Contains("+2.5 个百分点", tile.Markup, StringComparison.Ordinal);
        Assert.Contains("未应用的筛选：营销活动", tile.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_or_pressing_enter_selects_the_kpi()
    {
        await using var context = ComponentTestContext.Create();
        var selected = new List<string>();

        var tile = context.Render<KpiTile>(p => p
            .Add(t => t.Result, Result("orders", 10m, 8m))
            .Add(t => t.OnSelect, id => selected.Add(id)));
        await tile.Find("[data-testid=kpi-tile-orders]").ClickAsync(new());
        await tile.Find("[data-testid=kpi-tile-orders]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["orders", "orders"], selected);
    }

    [Fact]
    public async Task A_kpi_on_the_default_scorecard_shows_its_status_in_words_and_colour()
    {
        await using var context = ComponentTestContext.Create();

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("complaint_rate", 0.016m, 0.015m) with { Status = KpiStatus.Red }));

        var root = tile.Find("[data-testid=kpi-tile-complaint_rate]");
        Assert.Equal("red", root.GetAttribute("data-status"));
        Assert.Contains("status-red", root.ClassList);
        Assert.Equal("Red", tile.Find("[data-testid=kpi-status-complaint_rate]").TextContent.Trim());
    }

    [Fact]
    public async Task A_kpi_on_no_scorecard_has_no_status()
    {
        await using var context = ComponentTestContext.Create();

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("revenue", 1m, 1m)));

        Assert.Null(tile.Find("[data-testid=kpi-tile-revenue]").GetAttribute("data-status"));
        Assert.Empty(tile.FindAll("[data-testid=kpi-status-revenue]"));
    }

    /// <summary>Data completeness counts the records as they are now: there is no earlier value, so the tile says "now" instead of "— vs —".</summary>
    [Fact]
    public async Task Data_completeness_is_shown_as_of_now()
    {
        await using var context = ComponentTestContext.Create();

        var tile = context.Render<KpiTile>(p => p.Add(t => t.Result, Result("data_completeness", 0.981m, null)));

        Assert.Equal("now", tile.Find("[data-testid=kpi-now-data_completeness]").TextContent.Trim());
        Assert.DoesNotContain("vs", tile.Find("[data-testid=kpi-change-data_completeness]").TextContent, StringComparison.Ordinal);
    }
}
