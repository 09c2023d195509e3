using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Api;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Region → team → rep → customer → orders, one level at a time, with the filters and period kept.</summary>
public sealed partial class DrillPage : DashboardPage
{
    private DrillLevel _level = DrillLevel.Region;
    private IReadOnlyList<DrillCrumb> _crumbs = [];
    private ResolvedPeriod? _period;

    protected override Task LoadDataAsync(CancellationToken cancellationToken)
    {
        var text = Urls.CurrentValue(TableExtras.Level);
        _level = DrillLevels.FromUrlName(text) ?? DrillLevel.Region;
        if (text is not null && DrillLevels.FromUrlName(text) is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, TableExtras.Level, text));
        }
        _crumbs = DrillPath.Crumbs(Filter, _level, Catalog, DrillLevel.Region.AllMembers().For(CultureInfo.CurrentUICulture));
        _period = Data.ResolvePeriod(Filter);
        return Task.CompletedTask;
    }

    protected override string PageUrl(DashboardFilter filter) => DashboardUrls.Drill(filter, _level);

    private void Open(DrillRowKey row)
    {
        if (row.MemberId is not { } id)
        {
            return; // sales without a team, rep or customer: nothing below
        }
        if (_level == DrillLevel.Customer)
        {
            OpenCustomer(id);
            return;
        }
        // Members of the other levels select themselves in the filter and open the level below.
        if (DrillPath.Down(Filter, _level, (int)id) is { } down)
        {
            Navigation.NavigateTo(DashboardUrls.Drill(down.Filter, down.Level));
        }
    }
}
