using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Web.Api;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using CrmInsight.Web.State;
using CrmInsight.Domain.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// The balanced scorecard (KPIS.md §6): the overall score and grade, the four perspectives, the
/// KPIs of the chosen one and, for a chosen KPI, the inputs of its score; the overall score of the
/// last eight quarters. State in the URL: <c>scorecard</c>, <c>perspective</c>, <c>kpi</c>.
/// </summary>
public sealed partial class ScorecardPage : DashboardPage
{
    private ScorecardReport? _report;
    private IReadOnlyList<ScoreTrendPoint> _trend = [];
    private IReadOnlyList<ScorecardDefinition> _scorecards = [];
    private int? _scorecardId;
    private Perspective? _perspective;
    private ScorecardKpiScore? _selected;
    private bool _canEdit;
    private bool _trendLoading;

    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    private PerspectiveScore? Shown => _report?.Perspectives.FirstOrDefault(p => p.Perspective == (_perspective ?? _report.Weakest?.Perspective));

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        _scorecards = await Data.ListScorecardsAsync(cancellationToken);
        var idText = Urls.CurrentValue(DashboardUrls.ScorecardKey);
        _scorecardId = int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _scorecards.Any(s => s.Id == id) ? id : null;
        if (idText is not null && _scorecardId is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, DashboardUrls.ScorecardKey, idText));
        }
        var perspectiveText = Urls.CurrentValue(DashboardUrls.PerspectiveKey);
        _perspective = Perspectives.TryParse(perspectiveText, out var perspective) ? perspective : null;
        if (perspectiveText is not null && _perspective is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, DashboardUrls.PerspectiveKey, perspectiveText));
        }

        _report = await Data.GetScorecardAsync(Filter, Scope, _scorecardId, null, cancellationToken);
        var kpiText = Urls.CurrentValue(DashboardUrls.Kpi);
        _selected = _report?.Kpis.FirstOrDefault(k => string.Equals(k.Kpi.KpiId, kpiText, StringComparison.OrdinalIgnoreCase));
        if (kpiText is not null && _selected is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, DashboardUrls.Kpi, kpiText));
        }
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        _canEdit = (await Authorization.AuthorizeAsync(user, Policies.ScorecardEditor)).Succeeded;

        // The scores show at once; the quarterly trend (kept for minutes, see ScorecardOptions) follows,
        // and only once the page is live: the prerendered first answer must not wait for it.
        _trendLoading = true;
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        StateHasChanged();
        _trend = await Data.GetScorecardTrendAsync(Filter, Scope, _scorecardId, _report?.Snapshot, cancellationToken);
        _trendLoading = false;
    }

    protected override string PageUrl(DashboardFilter filter) => DashboardUrls.Scorecard(filter, _scorecardId, _perspective, _selected?.Kpi.KpiId);

    private void ChooseScorecard(int id) =>
        Navigation.NavigateTo(DashboardUrls.Scorecard(Filter, _scorecards.FirstOrDefault(s => s.IsDefault)?.Id == id ? null : id));

    private void ChoosePerspective(Perspective perspective) => Navigation.NavigateTo(DashboardUrls.Scorecard(Filter, _scorecardId, perspective));

    private void OpenKpi(string id) => Navigation.NavigateTo(DashboardUrls.Scorecard(Filter, _scorecardId, Shown?.Perspective, id));

    private void CloseKpi() => Navigation.NavigateTo(DashboardUrls.Scorecard(Filter, _scorecardId, _perspective));

    private string ExportUrl(ExportFormat format) => DashboardUrls.ScorecardExport(format, Filter, _scorecardId);

    private string EditUrl => DashboardUrls.ScorecardEdit(_scorecardId);
}
