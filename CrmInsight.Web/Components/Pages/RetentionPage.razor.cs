using CrmInsight.Domain.Retention;
using CrmInsight.Web.Components.Shared;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Who stays and who leaves (KPIS.md §2): cohorts, monthly trends, new vs returning revenue, churned customers.</summary>
public sealed partial class RetentionPage : DashboardPage
{
    private RetentionData? _data;

    protected override string PageUrl(Domain.Filters.DashboardFilter filter) => State.DashboardUrls.Retention(filter);

    protected override async Task LoadDataAsync(CancellationToken cancellationToken) =>
        _data = await Data.GetRetentionAsync(Filter, Scope, cancellationToken);
}
