using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// The headline KPIs by area with sparklines, the revenue trend and revenue by region.
/// The page reads its state from the URL, asks the services for data and renders; it shapes nothing.
/// </summary>
public sealed partial class Overview : DashboardPage
{
    private OverviewData? _data;
    private KpiResult? _selected;
    private ScorecardReport? _scorecard;

    private string GrainLabel => _data?.Trend.Grain switch
    {
        TrendGrain.Day => "by day",
        TrendGrain.Week => "by week",
        _ => "by month",
    };

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        _data = await Data.GetOverviewAsync(Filter, Scope, cancellationToken);
        // The default scorecard at the same data version: its score and the KPIs that are red now.
        _scorecard = await Data.GetScorecardAsync(Filter, Scope, null, _data.Report.Snapshot, cancellationToken);
        var selectedId = Urls.CurrentValue(DashboardUrls.Kpi);
        _selected = _data.Report.Kpis.FirstOrDefault(k => string.Equals(k.Id, selectedId, StringComparison.OrdinalIgnoreCase));
        if (selectedId is not null && _selected is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, DashboardUrls.Kpi, selectedId));
        }
    }

    protected override string PageUrl(DashboardFilter filter) => DashboardUrls.Overview(filter, _selected?.Id);

    /// <summary>A sales tile opens Sales targets (its detail panel there), with the filters kept; any other opens its panel here.</summary>
    private void OpenKpi(string id)
    {
        if (_data?.Report.Kpis.FirstOrDefault(k => k.Id == id)?.Definition.Area == KpiArea.Sales)
        {
            Navigation.NavigateTo(TargetsUrl(id));
            return;
        }
        Navigation.NavigateTo(DashboardUrls.Overview(Filter, id));
    }

    /// <summary>Sales targets with this view's filters (the period too: Sales targets opens on this month otherwise) and a KPI panel to open.</summary>
    private string TargetsUrl(string? kpi) => DashboardUrls.Targets(Filter, kpi);

    private void CloseKpi() => Navigation.NavigateTo(DashboardUrls.Overview(Filter));
}
