using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Components.Targets;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// Will my teams make quota this period, and where is the gap (KPIS.md §5): a headline per team
/// in scope, the §5 KPI tiles, teams (or a team's reps) against quota with the pace marker, the
/// pipeline funnel, win/loss and sales cycle against a year earlier, and the leaderboard. The
/// drill is the filter: a team (<c>team=</c>) shows its reps, a rep (<c>&amp;rep=</c>) their
/// opportunities and customers. Opens on this month.
/// </summary>
public sealed partial class TargetsPage : DashboardPage
{

    /// <summary>The tiles shown (the follow-ups by kind are a line under the funnel).</summary>
    private static readonly string[] TileIds =
        ["attainment", "pace", "run_rate_forecast", "forecast_attainment", "quota", "pipeline_coverage",
         "win_rate", "loss_rate", "sales_cycle_days", "pipeline", "weighted_pipeline", "activities_per_rep"];

    private TargetsData? _data;
    private KpiResult? _selected;
    private bool _showFilters;
    private decimal _teamScale = 1m;

    protected override DatePreset DefaultPreset => TargetsService.DefaultPreset;

    private static DashboardFilter PageDefault => DashboardFilter.Default.WithPreset(TargetsService.DefaultPreset);

    private int? FocusTeam => Filter.Teams.Count == 1 ? Filter.Teams.First() : null;

    private int? FocusRep => Filter.Reps.Count == 1 ? Filter.Reps.First() : null;

    /// <summary>The rep in focus, a standing per team they sold for in the period.</summary>
    private IEnumerable<TargetStanding> RepStandings => _data?.Reps.Where(r => r.RepId == FocusRep) ?? [];

    private IReadOnlyList<DrillCrumb> Crumbs
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            var top = Filter.WithMembers(DimensionKind.Team, IdSet.Empty).WithMembers(DimensionKind.Rep, IdSet.Empty);
            var crumbs = new List<DrillCrumb> { new(DrillLevel.Team.AllMembers().For(culture), DrillLevel.Team, top, FocusTeam is null && FocusRep is null) };
            if (FocusTeam is { } team)
            {
                crumbs.Add(new(Catalog.NameOf(DimensionKind.Team, team), DrillLevel.Rep, top.WithMembers(DimensionKind.Team, IdSet.Of(team)), FocusRep is null));
            }
            if (FocusRep is { } rep)
            {
                crumbs.Add(new(Catalog.NameOf(DimensionKind.Rep, rep), DrillLevel.Customer, Filter, true));
            }
            return crumbs;
        }
    }

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        _data = await Data.GetTargetsAsync(Filter, Scope, cancellationToken);
        _teamScale = AttainmentBar.ScaleFor(_data.Board.Teams.Select(t => t.Attainment).Append(_data.Board.Total.Attainment));
        var selectedId = Urls.CurrentValue(DashboardUrls.Kpi);
        _selected = _data.Kpis.Kpis.FirstOrDefault(k => string.Equals(k.Id, selectedId, StringComparison.OrdinalIgnoreCase));
        if (selectedId is not null && _selected is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, DashboardUrls.Kpi, selectedId));
        }
    }

    protected override string PageUrl(DashboardFilter filter) => DashboardUrls.Targets(filter, _selected?.Id);

    private string PresetUrl(DatePreset preset) => DashboardUrls.WithFilter(PageUrl(Filter.WithPreset(preset)), Navigation.Uri);

    private string CrumbUrl(DrillCrumb crumb) => DashboardUrls.Targets(crumb.Filter);

    private string TeamName(int? teamId) => teamId is { } id ? Catalog.NameOf(DimensionKind.Team, id) : "";

    private void OpenTeam(TargetStanding team) =>
        Navigation.NavigateTo(DashboardUrls.Targets(Filter.WithMembers(DimensionKind.Team, IdSet.Of(team.TeamId!.Value)).WithMembers(DimensionKind.Rep, IdSet.Empty)));

    private void OpenRep(TargetStanding rep) => OpenRep(rep.TeamId!.Value, rep.RepId!.Value);

    private void OpenLeaderboardRow(LeaderboardRowKey row) => OpenRep(row.TeamId, row.RepId);

    private void OpenRep(int teamId, int repId) =>
        Navigation.NavigateTo(DashboardUrls.Targets(Filter.WithMembers(DimensionKind.Team, IdSet.Of(teamId)).WithMembers(DimensionKind.Rep, IdSet.Of(repId))));

    /// <summary>A customer of the rep's sales (a drill/members row at customer level) opens their 360° page.</summary>
    private void OpenCustomerRow(DrillRowKey row)
    {
        if (row.MemberId is { } id)
        {
            OpenCustomer(id);
        }
    }

    // The grids stay as they are (sorted, paged) while a KPI panel opens or closes.
    private void OpenKpi(string id) => Navigation.NavigateTo(DashboardUrls.KeepTables(DashboardUrls.Targets(Filter, id), Navigation.Uri, firstPages: false));

    private void CloseKpi() => Navigation.NavigateTo(DashboardUrls.KeepTables(DashboardUrls.Targets(Filter), Navigation.Uri, firstPages: false));

    private string CalendarText(TargetCalendar calendar) =>
        calendar.HasEnded ? L["the period has ended"]
        : !calendar.HasStarted ? L["the period has not started"]
        : L["day {0} of {1}, {2} left", calendar.ElapsedDays, calendar.PeriodDays, calendar.DaysLeft - 1];

    private string FollowUpsByKind(TargetsData data)
    {
        var culture = CultureInfo.CurrentCulture;
        string Per(string id) => data.Kpis[id].Value?.ToString("N1", culture) ?? "—";
        return L["Follow-ups per rep: {0} calls, {1} e-mails, {2} visits, {3} meetings",
            Per("activities_per_rep_call"), Per("activities_per_rep_email"), Per("activities_per_rep_visit"), Per("activities_per_rep_meeting")];
    }
}
