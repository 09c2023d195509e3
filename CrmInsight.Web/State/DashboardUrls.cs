using System.Globalization;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Export;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using CrmInsight.Web.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmInsight.Web.State;

/// <summary>
/// Every address the app links to, built in one place: one method per page, drill step, export
/// and the wall, each taking that destination's state and leaving its defaults out (so the plain
/// path is the default view). The filter's pairs are written and read by
/// <see cref="FilterQueryString"/>; a grid's sort and page by <see cref="WithTable"/> and
/// <see cref="ReadTable"/> here. Nothing else in the app assembles a query string.
/// </summary>
public static class DashboardUrls
{
    public const string OverviewPath = "/";
    public const string ContributionPath = "/contribution";
    public const string RetentionPath = "/retention";
    public const string SatisfactionPath = "/satisfaction";
    public const string MarketingPath = "/marketing";
    public const string TargetsPath = "/targets";
    public const string DrillPath = "/drill";
    public const string CustomersPath = "/customers";
    public const string WallPath = "/wall";
    public const string ExportPath = "/export";
    public const string ImportPath = "/import";
    public const string AdminPath = "/admin";
    public const string UsersPath = "/admin/users";
    public const string AuditPath = "/admin/audit";
    public const string ScorecardPath = "/scorecard";
    public const string ScorecardEditPath = "/scorecard/edit";
    public const string DataHealthPath = "/data-health";
    public const string AlertsPath = "/alerts";

    /// <summary>The scorecard shown (the default one when absent) and its open perspective.</summary>
    public const string ScorecardKey = ScorecardApi.ScorecardParameter;
    public const string PerspectiveKey = "perspective";

    /// <summary>The KPI whose detail panel is open (Overview, Sales targets).</summary>
    public const string Kpi = "kpi";

    /// <summary>The wall's views and rotation interval (seconds).</summary>
    public const string Views = "views";
    public const string Interval = "interval";

    /// <summary>An export's sort column and direction (0 or 1).</summary>
    public const string Sort = "sort";
    public const string Descending = "desc";

    /// <summary>A grid's state on a page: <c>{table}.sort</c>, <c>{table}.desc</c>, <c>{table}.page</c> (from 1), <c>{table}.size</c>.</summary>
    public const string PageKey = "page";
    public const string SizeKey = "size";

    public static string Overview(DashboardFilter filter, string? kpi = null) =>
        Build(OverviewPath, FilterQueryString.ToPairs(filter), (Kpi, kpi));

    public static string Contribution(DashboardFilter filter) => Build(ContributionPath, FilterQueryString.ToPairs(filter));

    public static string Retention(DashboardFilter filter) => Build(RetentionPath, FilterQueryString.ToPairs(filter));

    /// <summary>Satisfaction, with the ticket list narrowed to one channel, category or agent when both are given.</summary>
    public static string Satisfaction(DashboardFilter filter, ServiceDimension? ticketsBy = null, string? ticketMember = null) =>
        Build(SatisfactionPath, FilterQueryString.ToPairs(filter),
            (TableExtras.TicketBy, ticketMember is null ? null : ticketsBy?.UrlName()),
            (TableExtras.TicketMember, ticketsBy is null ? null : ticketMember));

    public static string Marketing(DashboardFilter filter) => Build(MarketingPath, FilterQueryString.ToPairs(filter));

    /// <summary>Sales targets; its period without a URL value is <see cref="TargetsService.DefaultPreset"/> (this month), so any other is written out.</summary>
    public static string Targets(DashboardFilter filter, string? kpi = null) =>
        Build(TargetsPath, FilterQueryString.ToPairs(filter, TargetsService.DefaultPreset), (Kpi, kpi));

    /// <summary>One drill step: the level shown (regions by default) under the filter that selects the path to it.</summary>
    public static string Drill(DashboardFilter filter, DrillLevel level = DrillLevel.Region) =>
        Build(DrillPath, FilterQueryString.ToPairs(filter), (TableExtras.Level, level == DrillLevel.Region ? null : level.UrlName()));

    /// <summary>A customer's 360° page, with the filters and period kept.</summary>
    public static string Customer(long customerId, DashboardFilter filter) =>
        Build($"{CustomersPath}/{customerId.ToString(CultureInfo.InvariantCulture)}", FilterQueryString.ToPairs(filter));

    /// <summary>The wall; <paramref name="views"/> and <paramref name="intervalSeconds"/> only when the address gives them (the settings apply otherwise).</summary>
    public static string Wall(DashboardFilter filter, string? views = null, int? intervalSeconds = null) =>
        Build(WallPath, FilterQueryString.ToPairs(filter),
            (Views, views), (Interval, intervalSeconds?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The balanced scorecard: which one (the default when null), the perspective shown and the KPI whose inputs are open.</summary>
    public static string Scorecard(DashboardFilter filter, int? scorecardId = null, Perspective? perspective = null, string? kpi = null) =>
        Build(ScorecardPath, FilterQueryString.ToPairs(filter),
            (ScorecardKey, scorecardId?.ToString(CultureInfo.InvariantCulture)), (PerspectiveKey, perspective?.Key()), (Kpi, kpi));

    /// <summary>The scorecard editor, on one scorecard (the default when null).</summary>
    public static string ScorecardEdit(int? scorecardId = null) =>
        Build(ScorecardEditPath, [], (ScorecardKey, scorecardId?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A scorecard as a file, for the filter.</summary>
    public static string ScorecardExport(ExportFormat format, DashboardFilter filter, int? scorecardId = null) =>
        Build($"{ExportPath}/{Api.ScorecardExport.Name}.{format.Extension()}", FilterQueryString.ToPairs(filter),
            (ScorecardKey, scorecardId?.ToString(CultureInfo.InvariantCulture)));

    public static string DataHealth(DashboardFilter filter) => Build(DataHealthPath, FilterQueryString.ToPairs(filter));

    public static string Alerts(DashboardFilter filter) => Build(AlertsPath, FilterQueryString.ToPairs(filter));

    /// <summary>
    /// The whole filtered table as a file, in the order the grid shows (sort and direction left out
    /// when both are the table's own: the endpoint reads a missing direction as the default
    /// column's), with the table's parameters beyond the filter.
    /// </summary>
    public static string Export(TableDefinition table, ExportFormat format, DashboardFilter filter, string sort, bool descending, IEnumerable<(string Key, string Value)> extra)
    {
        var isDefault = IsDefaultSort(table, sort, descending);
        return Build($"{ExportPath}/{table.Name}.{format.Extension()}", FilterQueryString.ToPairs(filter),
            [(Sort, isDefault ? null : sort), (Descending, isDefault ? null : Bit(descending)), .. extra.Select(e => (e.Key, (string?)e.Value))]);
    }

    /// <summary>
    /// The same page in the same state with this filter: every key the page keeps is taken over
    /// from <paramref name="currentUrl"/> except the filter's, and each grid keeps its sort and
    /// page size but goes back to its first page (other rows now).
    /// </summary>
    public static string WithFilter(string pageUrl, string currentUrl) =>
        KeepTables(pageUrl, currentUrl, firstPages: true);

    /// <summary><paramref name="url"/> with the grids' keys of <paramref name="currentUrl"/> (their pages too, unless <paramref name="firstPages"/>).</summary>
    public static string KeepTables(string url, string currentUrl, bool firstPages)
    {
        var kept = QueryOf(currentUrl).Where(kv => TableKey(kv.Key) is { } key && !(firstPages && key.Part == PageKey));
        var (path, pairs) = Split(url);
        return Build(path, [.. pairs.Where(kv => TableKey(kv.Key) is null), .. kept.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value ?? ""))]);
    }

    /// <summary>
    /// <paramref name="url"/> with one grid's state: its own keys replaced, every other key kept.
    /// The sort is left out when column and direction are the grid's default (and then written as
    /// both, as the export takes it); page and size each when they are the default.
    /// </summary>
    public static string WithTable(string url, TableDefinition table, TableView view, int defaultPageSize)
    {
        var (path, pairs) = Split(url);
        var others = pairs.Where(kv => !IsKeyOf(kv.Key, table));
        var isDefaultSort = IsDefaultSort(table, view.Sort, view.Descending);
        (string Key, string? Value)[] own =
        [
            (KeyOf(table, Sort), isDefaultSort ? null : view.Sort),
            (KeyOf(table, Descending), isDefaultSort ? null : Bit(view.Descending)),
            (KeyOf(table, PageKey), view.Page == 0 ? null : (view.Page + 1).ToString(CultureInfo.InvariantCulture)),
            (KeyOf(table, SizeKey), view.PageSize == defaultPageSize ? null : view.PageSize.ToString(CultureInfo.InvariantCulture)),
        ];
        return Build(path, others, own);
    }

    /// <summary>
    /// A grid's state as the URL gives it. A value that is not a sortable column, 0/1, a page from 1
    /// or one of <see cref="TableView.PageSizes"/> is named in <paramref name="problems"/> and ignored
    /// (the grid's default stands). Whether the page exists is only known once the rows are counted.
    /// </summary>
    public static TableView ReadTable(IEnumerable<KeyValuePair<string, string?>> query, TableDefinition table, int defaultPageSize, List<FilterProblem> problems)
    {
        var values = query.Where(kv => kv.Value is not null && IsKeyOf(kv.Key, table))
            .GroupBy(kv => TableKey(kv.Key)!.Value.Part, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value!.Trim(), StringComparer.OrdinalIgnoreCase);
        var view = TableView.Default(table, defaultPageSize);
        if (values.TryGetValue(Sort, out var sort))
        {
            if (table.Sorts(sort))
            {
                var field = table.Columns.First(c => string.Equals(c.Field, sort, StringComparison.OrdinalIgnoreCase)).Field;
                view = view with { Sort = field, Descending = DefaultDirection(table, field) };
            }
            else
            {
                problems.Add(new FilterProblem(FilterProblemKind.Malformed, KeyOf(table, Sort), sort));
            }
        }
        if (values.TryGetValue(Descending, out var descending))
        {
            if (descending is "0" or "1")
            {
                view = view with { Descending = descending == "1" };
            }
            else
            {
                problems.Add(new FilterProblem(FilterProblemKind.Malformed, KeyOf(table, Descending), descending));
            }
        }
        if (values.TryGetValue(PageKey, out var page))
        {
            if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                view = view with { Page = number - 1 };
            }
            else
            {
                problems.Add(new FilterProblem(FilterProblemKind.Malformed, KeyOf(table, PageKey), page));
            }
        }
        if (values.TryGetValue(SizeKey, out var size))
        {
            if (int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && TableView.PageSizes.Contains(rows))
            {
                view = view with { PageSize = rows };
            }
            else
            {
                problems.Add(new FilterProblem(FilterProblemKind.Malformed, KeyOf(table, SizeKey), size));
            }
        }
        return view;
    }

    /// <summary>The address without any grid's keys: two addresses that differ only there show the same page data.</summary>
    public static string WithoutTables(string url)
    {
        var (path, pairs) = Split(url);
        return Build(path, pairs.Where(kv => TableKey(kv.Key) is null));
    }

    /// <summary>The name of a grid's key on a page: <c>campaigns.sort</c>.</summary>
    public static string KeyOf(TableDefinition table, string part) => $"{table.Name}.{part}";

    /// <summary>Every key/value of an address's query string, in order (repeated keys repeated).</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> QueryOf(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return [];
        }
        var hash = url.IndexOf('#', question);
        var query = hash < 0 ? url[question..] : url[question..hash];
        return [.. QueryHelpers.ParseQuery(query).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))];
    }

    private static bool IsDefaultSort(TableDefinition table, string sort, bool descending) =>
        string.Equals(sort, table.DefaultSort, StringComparison.OrdinalIgnoreCase) && descending == table.DefaultDescending;

    /// <summary>A column's direction when an address names the column alone: the table's own for its default column, ascending for the others (as a header click starts).</summary>
    private static bool DefaultDirection(TableDefinition table, string sort) =>
        string.Equals(sort, table.DefaultSort, StringComparison.OrdinalIgnoreCase) && table.DefaultDescending;

    private static string Bit(bool value) => value ? "1" : "0";

    private static bool IsKeyOf(string key, TableDefinition table) =>
        TableKey(key) is { } parsed && string.Equals(parsed.Table, table.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>"campaigns.page" → (campaigns, page); null for every key that is not a grid's.</summary>
    private static (string Table, string Part)? TableKey(string key)
    {
        var dot = key.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }
        var part = key[(dot + 1)..];
        return part.ToLowerInvariant() is Sort or Descending or PageKey or SizeKey ? (key[..dot], part.ToLowerInvariant()) : null;
    }

    private static (string Path, IReadOnlyList<KeyValuePair<string, string>> Pairs) Split(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? url.IndexOf('/', scheme + 3) : 0;
        var relative = start < 0 ? "/" : url[start..];
        var end = relative.IndexOfAny(['?', '#']);
        var path = end < 0 ? relative : relative[..end];
        return (path, [.. QueryOf(relative).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value ?? ""))]);
    }

    private static string Build(string path, IEnumerable<KeyValuePair<string, string>> pairs, params (string Key, string? Value)[] extra)
    {
        var query = FilterQueryString.Format(pairs.Concat(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, e.Value!))));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
