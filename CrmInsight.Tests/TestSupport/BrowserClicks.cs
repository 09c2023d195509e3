using Microsoft.Playwright;

namespace CrmInsight.Tests.TestSupport;

/// <summary>Clicks the browser tests share.</summary>
public static class BrowserClicks
{
    /// <summary>
    /// Clicks a grid row until the URL shows <paramref name="urlPart"/>: a click that lands while
    /// the grid re-renders is lost (seen under full-suite load), so it is repeated a few times.
    /// </summary>
    public static async Task ClickUntilAsync(IPage page, ILocator row, string urlPart)
    {
        for (var attempt = 0; attempt < 3 && !page.Url.Contains(urlPart, StringComparison.Ordinal); attempt++)
        {
            await row.ClickAsync();
            await page.WaitForTimeoutAsync(1500);
        }
    }
}
