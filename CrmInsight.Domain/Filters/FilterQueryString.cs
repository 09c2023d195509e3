using System.Globalization;
using System.Text;

namespace CrmInsight.Domain.Filters;

/// <summary>
/// The URL form of a <see cref="DashboardFilter"/>: <c>period=30d&amp;compare=yoy&amp;region=3,5</c>,
/// or <c>from=2024-01-01&amp;to=2024-04-01</c> (to exclusive) for a custom range. Defaults are
/// left out, so the plain page URL is the default view. Parsing never throws: a bad value
/// is reported as a <see cref="FilterProblem"/> and ignored.
/// </summary>
public static class FilterQueryString
{
    public const string Period = "period";
    public const string From = "from";
    public const string To = "to";
    public const string Compare = "compare";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The first and last day the calendar (dim_date) holds.</summary>
    public static readonly DateOnly MinDate = Rules.FactDates.First;
    public static readonly DateOnly MaxDate = Rules.FactDates.Last;

    /// <summary>Every parameter name a filter reads.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
        [Period, From, To, Compare, .. DimensionKinds.All.Select(k => k.UrlName())];

    /// <param name="defaultPreset">The period of a URL that names none (a page may have its own: Sales targets open on this month).</param>
    public static FilterParseResult Parse(IEnumerable<KeyValuePair<string, string?>> query, DatePreset defaultPreset = DatePresets.Default)
    {
        var values = query
            .Where(kv => kv.Value is not null)
            .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(kv => kv.Value!).ToList(), StringComparer.OrdinalIgnoreCase);
        var problems = new List<FilterProblem>();
        var filter = DashboardFilter.Default.WithPreset(defaultPreset);

        if (Single(values, Period) is { } periodText)
        {
            if (DatePresets.FromUrlName(periodText) is { } preset)
            {
                filter = filter.WithPreset(preset);
            }
            else if (!string.Equals(periodText, "custom", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new FilterProblem(FilterProblemKind.Malformed, Period, periodText));
            }
        }

        filter = ParseRange(values, filter, problems);

        if (Single(values, Compare) is { } compareText)
        {
            if (ComparisonModes.FromUrlName(compareText) is { } mode)
            {
                filter = filter with { Comparison = mode };
            }
            else
            {
                problems.Add(new FilterProblem(FilterProblemKind.Malformed, Compare, compareText));
            }
        }

        foreach (var kind in DimensionKinds.All)
        {
            if (values.TryGetValue(kind.UrlName(), out var texts))
            {
                filter = filter.WithMembers(kind, ParseIds(kind.UrlName(), texts, problems));
            }
        }

        return new FilterParseResult(filter, problems);
    }

    /// <summary>The query-string pairs of a filter, defaults left out, in a fixed order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToPairs(DashboardFilter filter, DatePreset defaultPreset = DatePresets.Default)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (filter.Preset == DatePreset.Custom && filter.From is { } from)
        {
            pairs.Add(new(From, from.ToString(DateFormat, CultureInfo.InvariantCulture)));
            if (filter.To is { } to)
            {
                pairs.Add(new(To, to.ToString(DateFormat, CultureInfo.InvariantCulture)));
            }
        }
        else if (filter.Preset != defaultPreset && filter.Preset != DatePreset.Custom)
        {
            pairs.Add(new(Period, filter.Preset.UrlName()));
        }
        if (filter.Comparison != ComparisonMode.PreviousPeriod)
        {
            pairs.Add(new(Compare, filter.Comparison.UrlName()));
        }
        foreach (var kind in DimensionKinds.All)
        {
            var members = filter.Members(kind);
            if (!members.IsEmpty)
            {
                pairs.Add(new(kind.UrlName(), members.ToString()));
            }
        }
        return pairs;
    }

    /// <summary>"period=30d&amp;region=3,5" (no leading '?'; empty for the default filter).</summary>
    public static string Format(DashboardFilter filter) => Format(ToPairs(filter));

    public static string Format(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }
            // Commas are left readable: they separate ids and are legal in a query string.
            text.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal));
        }
        return text.ToString();
    }

    private static DashboardFilter ParseRange(Dictionary<string, List<string>> values, DashboardFilter filter, List<FilterProblem> problems)
    {
        var fromText = Single(values, From);
        var toText = Single(values, To);
        if (fromText is null && toText is null)
        {
            return filter;
        }
        var from = ParseDate(From, fromText, problems);
        var to = ParseDate(To, toText, problems);
        if (from is null)
        {
            if (to is not null)
            {
                problems.Add(new FilterProblem(FilterProblemKind.InvalidRange, To, toText!));
            }
            return filter;
        }
        if (to is { } end && end <= from)
        {
            problems.Add(new FilterProblem(FilterProblemKind.InvalidRange, To, toText!));
            to = null;
        }
        return filter with { Preset = DatePreset.Custom, From = from, To = to };
    }

    private static DateOnly? ParseDate(string name, string? text, List<FilterProblem> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new FilterProblem(FilterProblemKind.Malformed, name, text));
            return null;
        }
        // "to" is exclusive, so it may be the day after the calendar's last day.
        var max = name == To ? MaxDate.AddDays(1) : MaxDate;
        if (date < MinDate || date > max)
        {
            problems.Add(new FilterProblem(FilterProblemKind.InvalidRange, name, text));
            return null;
        }
        return date;
    }

    private static IdSet ParseIds(string name, List<string> texts, List<FilterProblem> problems)
    {
        var ids = new List<int>();
        foreach (var token in texts.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else
            {
                problems.Add(new FilterProblem(FilterProblemKind.Malformed, name, token));
            }
        }
        return IdSet.Of(ids);
    }

    /// <summary>The last value of a parameter given once or more (a later value wins, as in a form post).</summary>
    private static string? Single(Dictionary<string, List<string>> values, string name) =>
        values.TryGetValue(name, out var list) && list.Count > 0 ? list[^1].Trim() : null;
}
