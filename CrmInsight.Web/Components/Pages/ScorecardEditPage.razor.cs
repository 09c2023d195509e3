using System.Globalization;
using CrmInsight.Domain.Kpis;
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
/// Edits a scorecard: its KPIs (perspective, standard, target, thresholds), and how the
/// perspectives and each perspective's KPIs are weighted — AHP comparisons or weights entered
/// directly. Nothing is stored until Save; a save the store refuses says why and changes nothing.
/// Needs the ScorecardEditor policy.
/// </summary>
public sealed partial class ScorecardEditPage : DashboardPage
{
    private ScorecardDefinition? _working;
    private int? _loadedId;
    private bool _canEdit;
    private bool _saving;
    private string? _saved;
    private IReadOnlyList<ScorecardProblem> _problems = [];
    private string _addKpi = "";
    private Perspective _addPerspective = Perspective.Customer;

    [Inject] private KpiCatalog Catalog_ { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    private IEnumerable<KpiDefinition> Addable => Catalog_.All.Where(k => k.Direction != KpiDirection.Neutral && _working?.Kpis.All(s => s.KpiId != k.Id) != false);

    protected override string PageUrl(Domain.Filters.DashboardFilter filter) => State.DashboardUrls.ScorecardEdit(_working is { IsDefault: false } working ? working.Id : null);

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        _canEdit = (await Authorization.AuthorizeAsync(user, Policies.ScorecardEditor)).Succeeded;
        var id = int.TryParse(Urls.CurrentValue(State.DashboardUrls.ScorecardKey), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        // A live refresh must not throw away the edits in progress.
        if (_working is not null && _loadedId == id)
        {
            return;
        }
        _working = await Data.GetScorecardDefinitionAsync(id, cancellationToken);
        _loadedId = id;
    }

    private string KpiName(string id) => Catalog_.TryGet(id, out var kpi) ? kpi.Name.For(CultureInfo.CurrentUICulture) : id;

    private void Update(Func<ScorecardDefinition, ScorecardDefinition> change)
    {
        _working = change(_working!);
        _saved = null;
    }

    private void UpdateKpi(string id, Func<ScorecardKpi, ScorecardKpi> change) =>
        Update(s => s with { Kpis = [.. s.Kpis.Select(k => k.KpiId == id ? change(k) : k)] });

    private void RemoveKpi(string id) => Update(s => s with { Kpis = [.. s.Kpis.Where(k => k.KpiId != id)] });

    private void AddKpi()
    {
        if (Catalog_.TryGet(_addKpi, out var kpi))
        {
            Update(s => s with { Kpis = [.. s.Kpis, new ScorecardKpi(kpi.Id, _addPerspective, ScorecardStandard.Budget, null, DefaultScorecard.AmberFrom, DefaultScorecard.GreenFrom)] });
            _addKpi = "";
        }
    }

    private void SetMode(string group, WeightingMode mode) => Update(s => group == ScorecardDefinition.PerspectivesGroup
        ? s with { PerspectiveMode = mode }
        : s with { Perspectives = [.. s.Perspectives.Select(p => p.Perspective.Key() == group ? p with { KpiMode = mode } : p)] });

    private void SetPerspectiveWeight(Perspective perspective, decimal? weight) =>
        Update(s => s with { Perspectives = [.. s.Perspectives.Select(p => p.Perspective == perspective ? p with { DirectWeight = weight } : p)] });

    private void SetMatrix(string group, double[][] matrix) => Update(s => s.WithMatrix(group, matrix));

    private async Task SaveAsync(bool asNew)
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        if (_working is null || !(await Authorization.AuthorizeAsync(user, Policies.ScorecardEditor)).Succeeded)
        {
            return;
        }
        _saving = true;
        try
        {
            var toSave = asNew ? _working with { Id = 0, IsDefault = false, Name = _working.Name + " " + Text["(copy)"] } : _working;
            var saved = await Data.SaveScorecardAsync(toSave, CancellationToken.None);
            _problems = [];
            _saved = Text["Saved."];
            if (asNew)
            {
                _working = null;
                Navigation.NavigateTo(State.DashboardUrls.ScorecardEdit(saved.Id));
                return;
            }
            _working = saved;
        }
        catch (ScorecardRejectedException rejected)
        {
            _problems = rejected.Problems;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task MakeDefaultAsync()
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        if (_working is not null && (await Authorization.AuthorizeAsync(user, Policies.ScorecardEditor)).Succeeded && await Data.SetDefaultScorecardAsync(_working.Id, CancellationToken.None))
        {
            _working = _working with { IsDefault = true };
            _saved = Text["Tiles are now coloured by this scorecard."];
        }
    }

    private async Task DeleteAsync()
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        if (_working is not null && (await Authorization.AuthorizeAsync(user, Policies.ScorecardEditor)).Succeeded && await Data.DeleteScorecardAsync(_working.Id, CancellationToken.None))
        {
            Navigation.NavigateTo(State.DashboardUrls.Scorecard(Filter));
        }
    }

    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> Text { get; set; } = null!;
}
