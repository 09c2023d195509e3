using CrmInsight.Domain.DataHealth;
using CrmInsight.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// Is the CRM's own data fit to judge by (KPIS.md §7): completeness of customer records by field,
/// freshness and update rate per table, and the incomplete records to fix.
/// </summary>
public sealed partial class DataHealthPage : DashboardPage
{
    private DataHealthData? _data;

    [Inject] private DataHealthService Health { get; set; } = null!;

    protected override async Task LoadDataAsync(CancellationToken cancellationToken) =>
        _data = await Health.GetAsync(Filter, Scope, cancellationToken);
}
