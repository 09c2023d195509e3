using System.Globalization;
using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Web.Alerts;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// Alert rules on any KPI and their history. A new rule takes the filter bar's filter; it is
/// evaluated at once and then whenever its data changes. Editing needs the AlertEditor policy (Admin, Analyst, SalesLead), checked again by every action;
/// which teams a rule may cover is the data layer's rule (AlertStore with the page's scope).
/// </summary>
public sealed partial class AlertsPage : DashboardPage
{
    private IReadOnlyList<AlertRule> _rules = [];
    private IReadOnlyList<AlertEvent> _history = [];
    private bool _canEdit;
    private int? _editing;
    private Draft _draft = new();
    private IReadOnlyList<AlertProblem> _saveProblems = [];
    private bool _saving;

    [Inject] private KpiCatalog Kpis { get; set; } = null!;
    [Inject] private IOptions<AlertOptions> AlertSettings { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    private IEnumerable<KpiDefinition> ScorableKpis => Kpis.All;

    private IReadOnlyList<DimensionMember> Teams => Catalog.Members(DimensionKind.Team);

    protected override string PageUrl(DashboardFilter filter) => State.DashboardUrls.Alerts(filter);

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        _rules = await Data.GetAlertRulesAsync(Scope, cancellationToken);
        _history = await Data.GetAlertHistoryAsync(Scope, 50, cancellationToken);
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        _canEdit = (await Authorization.AuthorizeAsync(user, Policies.AlertEditor)).Succeeded;
    }

    private void StartNew()
    {
        _editing = 0;
        _draft = new Draft();
        _saveProblems = [];
    }

    private void StartEdit(AlertRule rule)
    {
        _editing = rule.Id;
        _draft = new Draft
        {
            Name = rule.Name,
            KpiId = rule.KpiId,
            Comparison = rule.Comparison,
            Threshold = rule.Threshold,
            Sustain = rule.Sustain,
            Teams = rule.ScopeTeams?.ToHashSet() ?? [],
            Enabled = rule.Enabled,
        };
        _saveProblems = [];
        // The rule's filter goes into the filter bar, where it can be changed before saving.
        Navigation.NavigateTo(State.DashboardUrls.Alerts(FilterQueryString.Parse(State.DashboardUrls.QueryOf("?" + rule.FilterQuery)).Filter));
    }

    private void Cancel()
    {
        _editing = null;
        _saveProblems = [];
    }

    private async Task SaveAsync()
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.AlertEditor)).Succeeded || _editing is not { } id)
        {
            return;
        }
        _saving = true;
        var draft = new AlertRuleDraft(_draft.Name, _draft.KpiId, _draft.Comparison, _draft.Threshold ?? 0, _draft.Sustain,
            FilterQueryString.Format(Filter), [.. _draft.Teams], _draft.Enabled);
        try
        {
            if (id == 0)
            {
                await Data.CreateAlertRuleAsync(draft, Scope, user.Identity?.Name, CancellationToken.None);
            }
            else
            {
                await Data.UpdateAlertRuleAsync(id, draft, Scope, CancellationToken.None);
            }
            _editing = null;
            _saveProblems = [];
            await LoadDataAsync(CancellationToken.None);
        }
        catch (AlertRejectedException rejected)
        {
            _saveProblems = rejected.Problems;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync(AlertRule rule)
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        if ((await Authorization.AuthorizeAsync(user, Policies.AlertEditor)).Succeeded && await Data.DeleteAlertRuleAsync(rule.Id, Scope, CancellationToken.None))
        {
            await LoadDataAsync(CancellationToken.None);
        }
    }

    private string KpiName(string id) => Kpis.TryGet(id, out var kpi) ? kpi.Name.For(CultureInfo.CurrentUICulture) : id;

    private KpiUnit? UnitOf(string id) => Kpis.TryGet(id, out var kpi) ? kpi.Unit : null;

    private string TeamNames(Domain.Filters.IdSet? teams) =>
        teams is null ? Text["Every team"] : string.Join(", ", teams.Select(t => Catalog.NameOf(DimensionKind.Team, t)));

    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> Text { get; set; } = null!;

    /// <summary>The form's fields.</summary>
    private sealed class Draft
    {
        public string Name { get; set; } = "";

        public string KpiId { get; set; } = "churn_rate";

        public AlertComparison Comparison { get; set; } = AlertComparison.Above;

        public decimal? Threshold { get; set; }

        public int Sustain { get; set; } = 1;

        public HashSet<int> Teams { get; set; } = [];

        public bool Enabled { get; set; } = true;
    }
}
