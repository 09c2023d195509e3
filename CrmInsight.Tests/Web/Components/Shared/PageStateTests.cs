using Bunit;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Charts;
using CrmInsight.Web.Components.Shared;

namespace CrmInsight.Tests.Web.Components.Shared;

/// <summary>The page root's data-state: "loading" while any part is pending, "ready" once none is, for the address given.</summary>
public sealed class PageStateTests
{
    [Fact]
    public async Task Loading_while_any_part_draws_and_ready_once_the_last_has_drawn()
    {
        await using var context = ComponentTestContext.Create();
        var tracker = new DrawTracker();
        var (page, chart, grid) = (new object(), new object(), new object());
        await context.Renderer.Dispatcher.InvokeAsync(() => tracker.Begin(page));
        var cut = context.Render<PageState>(p => p.Add(s => s.Tracker, tracker).AddChildContent("<p>tiles</p>"));
        var root = () => cut.Find(".page-state");

        Assert.Equal("loading", root().GetAttribute("data-state"));
        await cut.InvokeAsync(() =>
        {
            tracker.Location = "http://host/?period=ytd";
            tracker.Begin(chart);
            tracker.Begin(grid);
            tracker.End(page);
            tracker.End(chart);
        });
        Assert.Equal("loading", root().GetAttribute("data-state")); // the grid still draws
        Assert.Equal("http://host/?period=ytd", root().GetAttribute("data-location"));

        await cut.InvokeAsync(() => tracker.End(grid));
        cut.WaitForAssertion(() => Assert.Equal("ready", root().GetAttribute("data-state")));
        Assert.Equal("<p>tiles</p>", root().InnerHtml.Trim());

        await cut.InvokeAsync(() => tracker.Begin(chart)); // new data: loading again, at once
        Assert.Equal("loading", root().GetAttribute("data-state"));
    }

    [Fact]
    public void Chart_keys_compare_by_content_so_a_list_built_on_each_render_does_not_redraw()
    {
        var trend = new object();

        Assert.True(ChartComponent.SameKey((new[] { trend }, 320, false), (new[] { trend }, 320, false)));
        Assert.False(ChartComponent.SameKey((new[] { trend }, 320, false), (new[] { trend }, 480, false)));
        Assert.False(ChartComponent.SameKey((new[] { trend }, false), (new[] { trend, trend }, false)));
        Assert.False(ChartComponent.SameKey((new[] { trend }, false), (new[] { new object() }, false)));
        Assert.True(ChartComponent.SameKey(("a", 1), ("a", 1)));
    }
}
