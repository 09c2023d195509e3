using Bunit;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Filters;

namespace CrmInsight.Tests.Web.Components.Filters;

public sealed class FilterBarTests
{
    private static readonly DimensionCatalog Catalog = new(
    [
        new DimensionMember(DimensionKind.Region, 1, "East China", null),
        new DimensionMember(DimensionKind.Region, 2, "South China", null),
        new DimensionMember(DimensionKind.Campaign, 7, "Singles' Day 11.11", 1),
    ]);

    private static readonly ResolvedPeriod Period = new(
        new DateRange(new DateOnly(2026, 8, 25), new DateOnly(2026, 11, 23)),
        new DateRange(new DateOnly(2026, 5, 27), new DateOnly(2026, 8, 25)),
        ComparisonMode.PreviousPeriod);

    [Fact]
    public async Task Shows_a_chip_per_selected_member_and_the_resolved_dates()
    {
        await using var context = ComponentTestContext.Create();
        var filter = DashboardFilter.Default with { Regions = IdSet.Of(1, 2), Campaigns = IdSet.Of(7) };

        var bar = context.Render<FilterBar>(p => p.Add(b => b.Filter, filter).Add(b => b.Catalog, Catalog).Add(b => b.Period, Period));

        Assert.Contains("Region: East China", bar.Find("[data-testid=chip-region-1]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Region: South China", bar.Find("[data-testid=chip-region-2]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Campaign: Singles' Day 11.11", bar.Find("[data-testid=chip-campaign-7]").TextContent, StringComparison.Ordinal);
        Assert.Equal("8/25/2026 – 11/22/2026 · vs 5/27/2026 – 8/24/2026", Normalize(bar.Find("[data-testid=period-text]").TextContent));
    }

    [Fact]
    public async Task Closing_a_chip_raises_the_filter_without_that_member()
    {
        await using var context = ComponentTestContext.Create();
        var filter = DashboardFilter.Default with { Regions = IdSet.Of(1, 2) };
        DashboardFilter? raised = null;

        var bar = context.Render<FilterBar>(p => p
            .Add(b => b.Filter, filter)
            .Add(b => b.Catalog, Catalog)
            .Add(b => b.FilterChanged, f => raised = f));
        await bar.Find("[data-testid=chip-region-1] .mud-chip-close-button").ClickAsync(new());

        Assert.Equal(filter with { Regions = IdSet.Of(2) }, raised);
    }

    [Fact]
    public async Task Reset_returns_to_the_default_filter_and_is_hidden_when_there_is_nothing_to_reset()
    {
        await using var context = ComponentTestContext.Create();
        DashboardFilter? raised = null;

        var bar = context.Render<FilterBar>(p => p
            .Add(b => b.Filter, DashboardFilter.Default with { Preset = DatePreset.YearToDate, Regions = IdSet.Of(2) })
            .Add(b => b.Catalog, Catalog)
            .Add(b => b.FilterChanged, f => raised = f));
        await bar.Find("[data-testid=reset-filters]").ClickAsync(new());

        Assert.Equal(DashboardFilter.Default, raised);
        var clean = context.Render<FilterBar>(p => p.Add(b => b.Filter, DashboardFilter.Default).Add(b => b.Catalog, Catalog));
        Assert.Empty(clean.FindAll("[data-testid=reset-filters]"));
        Assert.Empty(clean.FindAll(".mud-chip"));
    }

    [Fact]
    public async Task A_member_unknown_to_the_catalog_still_gets_a_readable_chip()
    {
        await using var context = ComponentTestContext.Create();

        var bar = context.Render<FilterBar>(p => p
            .Add(b => b.Filter, DashboardFilter.Default with { Reps = IdSet.Of(42) })
            .Add(b => b.Catalog, Catalog));

        Assert.Contains("Sales rep: #42", bar.Find("[data-testid=chip-rep-42]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// A period picked with the pointer is raised from the item's own pointer event, before
    /// MudSelect's round trip to the browser (which is what let a row click right after a period
    /// change drill with the old period); a right button's release on an item picks nothing.
    /// </summary>
    [Fact]
    public async Task A_period_picked_with_the_pointer_is_raised_from_the_item_itself()
    {
        await using var context = ComponentTestContext.Create();
        var raised = new List<DashboardFilter>();
        var popovers = context.Render<MudBlazor.MudPopoverProvider>();
        var bar = context.Render<FilterBar>(p => p
            .Add(b => b.Filter, DashboardFilter.Default)
            .Add(b => b.Catalog, Catalog)
            .Add(b => b.FilterChanged, f => raised.Add(f)));

        await bar.Find("[data-testid=period-select]").Closest(".mud-input-control")!.MouseDownAsync(new());
        AngleSharp.Dom.IElement LastWeek() => popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("Last 7 days", StringComparison.Ordinal));
        await LastWeek().PointerUpAsync(new() { Button = 2 });
        Assert.Empty(raised);
        await LastWeek().PointerUpAsync(new() { Button = 0 }); // no click: MudSelect itself has not picked it

        Assert.Equal([DashboardFilter.Default.WithPreset(DatePreset.Last7Days)], raised);
    }

    private static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
