using Microsoft.Playwright;

namespace CrmInsight.Tests.TestSupport;

/// <summary>Clicks the browser tests share.</summary>
public static class BrowserClicks
{
    /// <summary>
    /// Clicks a grid row until the URL shows <paramref name="urlPart"/> (and no longer shows
    /// <paramref name="urlLacks"/>): a click that lands while the grid re-renders is lost (seen
    /// under full-suite load), so it is repeated a few times.
    /// </summary>
    public static async Task ClickUntilAsync(IPage page, ILocator row, string urlPart, string? urlLacks = null)
    {
        bool Arrived() => page.Url.Contains(urlPart, StringComparison.Ordinal) && (urlLacks is null || !page.Url.Contains(urlLacks, StringComparison.Ordinal));
        for (var attempt = 0; attempt < 3 && !Arrived(); attempt++)
        {
            await row.ClickAsync();
            await page.WaitForTimeoutAsync(1500);
        }
    }
}
