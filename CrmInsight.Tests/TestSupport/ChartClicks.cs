using Microsoft.Playwright;

namespace CrmInsight.Tests.TestSupport;

/// <summary>Clicking a plotly chart as a user does.</summary>
public static class ChartClicks
{
    /// <summary>
    /// Plotly listens on its drag layer above the marks and clicks what the pointer hovers:
    /// move onto the mark (from beside it, so plotly sees the pointer arrive), wait until plotly
    /// shows the hover label of <paramref name="chart"/> (its hover is what a click reports), then
    /// click there, once.
    /// </summary>
    public static async Task ClickAsync(IPage page, ILocator chart, ILocator mark)
    {
        await mark.ScrollIntoViewIfNeededAsync();
        var box = await mark.BoundingBoxAsync() ?? throw new InvalidOperationException("The chart has no such mark.");
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.MoveAsync(x - 5, y);
        await page.Mouse.MoveAsync(x, y);
        await Assertions.Expect(chart.Locator(".hoverlayer .hovertext").First).ToBeAttachedAsync();
        await page.Mouse.ClickAsync(x, y);
    }
}
