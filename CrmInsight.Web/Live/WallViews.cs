namespace CrmInsight.Web.Live;

/// <summary>A view of the wall rotation: a title and the KPI tiles (and charts) it shows.</summary>
/// <param name="Targets">The team headlines of Sales targets (pace and forecast against quota) instead of tiles.</param>
/// <param name="Scorecard">The default scorecard (overall score and grade, the four perspectives) instead of tiles.</param>
public sealed record WallView(string Name, string Title, IReadOnlyList<string> KpiIds, bool Trend = false, bool Regions = false, bool Targets = false, bool Scorecard = false);

/// <summary>
/// The views a wall can rotate through. Every tile is one of the Overview's, and the targets
/// view is the Sales targets page's headlines, so walls and those pages share cached results;
/// the scorecard view reads the default scorecard, which the red KPIs under every view read anyway.
/// </summary>
public static class WallViews
{
    public const int MinIntervalSeconds = 5;
    public const int MaxIntervalSeconds = 3600;

    public static IReadOnlyList<WallView> All { get; } =
    [
        new("headline", "Sales this period", ["revenue", "orders", "avg_order_value", "gross_margin", "new_customers", "active_customers"]),
        new("trend", "Revenue trend", ["revenue", "revenue_growth", "gross_profit"], Trend: true),
        new("regions", "Revenue by region", ["revenue", "orders"], Regions: true),
        new("customers", "Customers", ["new_customers", "active_customers", "retention_rate", "churn_rate", "repurchase_rate", "purchase_frequency"]),
        new("service", "Satisfaction and service", ["csat", "nps", "complaint_rate", "resolution_rate", "first_response_time", "return_rate"]),
        new("sales", "Sales teams and marketing", ["attainment", "win_rate", "response_rate", "cac", "roi", "items_per_order"]),
        new("targets", "Sales targets", [], Targets: true),
        // The default scorecard: overall score and grade, the four perspectives, the KPIs that are red.
        new("scorecard", "Balanced scorecard", [], Scorecard: true),
    ];

    public static bool TryParse(string? text, out IReadOnlyList<WallView> views, out string? problem)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var list = new List<WallView>();
        foreach (var name in names)
        {
            var view = All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
            if (view is null)
            {
                views = [];
                problem = $"'{name}' is not a wall view; use any of {string.Join(", ", All.Select(v => v.Name))}.";
                return false;
            }
            list.Add(view);
        }
        if (list.Count == 0)
        {
            views = [];
            problem = $"Name at least one view: {string.Join(", ", All.Select(v => v.Name))}.";
            return false;
        }
        views = list;
        problem = null;
        return true;
    }
}
