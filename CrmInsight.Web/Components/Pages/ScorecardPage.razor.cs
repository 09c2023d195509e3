using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Web.Api;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
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
    public const string PerspectiveParameter = "perspective";
    public const string KpiParameter = "kpi";

    private ScorecardReport? _report;
    private IReadOnlyList<ScoreTrendPoint> _trend = [];
    private IReadOnlyList<ScorecardDefinition> _scorecards = [];
    private int? _scorecardId;
    private Perspective? _perspective;
    private ScorecardKpiScore? _selected;
    private bool _canEdit;
    private bool _trendLoading;

    [Inject] private ScorecardService Scorecards { get; set; } = null!;
    [Inject] private ScorecardStore Store { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    private PerspectiveScore? Shown => _report?.Perspectives.FirstOrDefault(p => p.Perspective == (_perspective ?? _report.Weakest?.Perspective));

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        _scorecards = await Store.ListAsync(cancellationToken);
        var idText = Urls.CurrentValue(ScorecardApi.ScorecardParameter);
        _scorecardId = int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _scorecards.Any(s => s.Id == id) ? id : null;
        if (idText is not null && _scorecardId is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, ScorecardApi.ScorecardParameter, idText));
        }
        var perspectiveText = Urls.CurrentValue(PerspectiveParameter);
        _perspective = Perspectives.TryParse(perspectiveText, out var perspective) ? perspective : null;
        if (perspectiveText is not null && _perspective is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, PerspectiveParameter, perspectiveText));
        }

        _report = await Scorecards.GetAsync(Filter, Scope, _scorecardId, cancellationToken: cancellationToken);
        var kpiText = Urls.CurrentValue(KpiParameter);
        _selected = _report?.Kpis.FirstOrDefault(k => string.Equals(k.Kpi.KpiId, kpiText, StringComparison.OrdinalIgnoreCase));
        if (kpiText is not null && _selected is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, KpiParameter, kpiText));
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
        _trend = await Scorecards.GetTrendAsync(Filter, Scope, _scorecardId, _report?.Snapshot, cancellationToken);
        _trendLoading = false;
    }

    protected override IEnumerable<(string Key, string? Value)> PageParameters() =>
        [(ScorecardApi.ScorecardParameter, ScorecardParameterValue), (PerspectiveParameter, _perspective?.Key()), (KpiParameter, _selected?.Kpi.KpiId)];

    private string? ScorecardParameterValue => _scorecardId?.ToString(CultureInfo.InvariantCulture);

    private void ChooseScorecard(int id) =>
        Urls.Navigate(Filter, (ScorecardApi.ScorecardParameter, _scorecards.FirstOrDefault(s => s.IsDefault)?.Id == id ? null : id.ToString(CultureInfo.InvariantCulture)));

    private void ChoosePerspective(Perspective perspective) =>
        Urls.Navigate(Filter, (ScorecardApi.ScorecardParameter, ScorecardParameterValue), (PerspectiveParameter, perspective.Key()));

    private void OpenKpi(string id) =>
        Urls.Navigate(Filter, (ScorecardApi.ScorecardParameter, ScorecardParameterValue), (PerspectiveParameter, Shown?.Perspective.Key()), (KpiParameter, id));

    private void CloseKpi() =>
        Urls.Navigate(Filter, (ScorecardApi.ScorecardParameter, ScorecardParameterValue), (PerspectiveParameter, _perspective?.Key()));

    private string ExportUrl(string extension) =>
        $"/export/{ScorecardExport.Name}.{extension}?" + FilterQueryString.Format(FilterQueryString.ToPairs(Filter)
            .Concat(ScorecardParameterValue is { } id ? [new KeyValuePair<string, string>(ScorecardApi.ScorecardParameter, id)] : []));

    private string EditUrl => ScorecardParameterValue is { } id ? $"/scorecard/edit?scorecard={id}" : "/scorecard/edit";
}
