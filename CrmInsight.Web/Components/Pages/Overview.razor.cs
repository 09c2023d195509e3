using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// The headline KPIs by area with sparklines, the revenue trend and revenue by region.
/// The page reads its state from the URL, asks the services for data and renders; it shapes nothing.
/// </summary>
public sealed partial class Overview : DashboardPage
{
    /// <summary>The query-string key of the KPI whose detail panel is open.</summary>
    public const string KpiParameter = "kpi";

    private OverviewData? _data;
    private KpiResult? _selected;
    private ScorecardReport? _scorecard;

    [Inject] private OverviewService OverviewData { get; set; } = null!;
    [Inject] private ScorecardService Scorecards { get; set; } = null!;

    private string GrainLabel => _data?.Trend.Grain switch
    {
        TrendGrain.Day => "by day",
        TrendGrain.Week => "by week",
        _ => "by month",
    };

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        _data = await OverviewData.GetAsync(Filter, Scope, cancellationToken);
        // The default scorecard at the same data version: its score and the KPIs that are red now.
        _scorecard = await Scorecards.GetAsync(Filter, Scope, dataVersion: _data.Report.Snapshot, cancellationToken: cancellationToken);
        var selectedId = Urls.CurrentValue(KpiParameter);
        _selected = _data.Report.Kpis.FirstOrDefault(k => string.Equals(k.Id, selectedId, StringComparison.OrdinalIgnoreCase));
        if (selectedId is not null && _selected is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, KpiParameter, selectedId));
        }
    }

    protected override IEnumerable<(string Key, string? Value)> PageParameters() => [(KpiParameter, _selected?.Id)];

    /// <summary>A sales tile opens Sales targets (its detail panel there), with the filters kept; any other opens its panel here.</summary>
    private void OpenKpi(string id)
    {
        if (_data?.Report.Kpis.FirstOrDefault(k => k.Id == id)?.Definition.Area == KpiArea.Sales)
        {
            Navigation.NavigateTo(TargetsUrl(id));
            return;
        }
        Urls.Navigate(Filter, (KpiParameter, id));
    }

    /// <summary>/targets with this view's filters (the period too, when it is not the Overview's default) and a KPI panel to open.</summary>
    private string TargetsUrl(string? kpi)
    {
        // The Overview's default period is written out, since Sales targets opens on this month otherwise.
        var pairs = FilterQueryString.ToPairs(Filter, Domain.Targets.TargetsService.DefaultPreset)
            .Concat(kpi is null ? [] : [new KeyValuePair<string, string>(KpiParameter, kpi)]);
        var query = FilterQueryString.Format(pairs);
        return query.Length == 0 ? "/targets" : "/targets?" + query;
    }

    private void CloseKpi() => Urls.Navigate(Filter);
}
