using CrmInsight.Domain.Retention;
using CrmInsight.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Who stays and who leaves (KPIS.md §2): cohorts, monthly trends, new vs returning revenue, churned customers.</summary>
public sealed partial class RetentionPage : DashboardPage
{
    private RetentionData? _data;

    [Inject] private RetentionService Retention { get; set; } = null!;

    protected override string PageUrl(Domain.Filters.DashboardFilter filter) => State.DashboardUrls.Retention(filter);

    protected override async Task LoadDataAsync(CancellationToken cancellationToken) =>
        _data = await Retention.GetAsync(Filter, Scope, cancellationToken);
}
