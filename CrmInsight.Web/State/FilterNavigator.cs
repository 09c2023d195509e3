using CrmInsight.Domain.Filters;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmInsight.Web.State;

/// <summary>
/// The URL is the page state: filters (and page-specific keys such as the open KPI panel)
/// live in the query string, so every view is a link. This reads them from, and writes them
/// to, the current address.
/// </summary>
public sealed class FilterNavigator(NavigationManager navigation)
{
    /// <summary>Every key/value of the current query string (repeated keys repeated).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> CurrentQuery()
    {
        var query = new Uri(navigation.Uri).Query;
        return [.. QueryHelpers.ParseQuery(query).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))];
    }

    public string? CurrentValue(string key) =>
        CurrentQuery().LastOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The current page's path with this filter and these extra keys (nulls left out).</summary>
    public string UrlFor(DashboardFilter filter, params (string Key, string? Value)[] extra) => UrlFor(filter, DatePresets.Default, extra);

    /// <summary>As <see cref="UrlFor(DashboardFilter, ValueTuple{string, string}[])"/> for a page whose period without a URL value is <paramref name="defaultPreset"/>.</summary>
    public string UrlFor(DashboardFilter filter, DatePreset defaultPreset, params (string Key, string? Value)[] extra)
    {
        var path = new Uri(navigation.Uri).AbsolutePath;
        var pairs = FilterQueryString.ToPairs(filter, defaultPreset)
            .Concat(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, e.Value!)));
        var query = FilterQueryString.Format(pairs);
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    public void Navigate(DashboardFilter filter, params (string Key, string? Value)[] extra) =>
        navigation.NavigateTo(UrlFor(filter, extra));

    public void Navigate(DashboardFilter filter, DatePreset defaultPreset, params (string Key, string? Value)[] extra) =>
        navigation.NavigateTo(UrlFor(filter, defaultPreset, extra));
}
