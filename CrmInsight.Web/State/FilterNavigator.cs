using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.State;

/// <summary>
/// The URL is the page state: filters (and page-specific keys such as the open KPI panel)
/// live in the query string, so every view is a link. This reads them from the current address;
/// addresses are built by <see cref="DashboardUrls"/>.
/// </summary>
public sealed class FilterNavigator(NavigationManager navigation)
{
    /// <summary>Every key/value of the current query string (repeated keys repeated).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> CurrentQuery() => DashboardUrls.QueryOf(navigation.Uri);

    public string? CurrentValue(string key) =>
        CurrentQuery().LastOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
