using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Sql;
using CrmInsight.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Who makes the money (KPIS.md §1): Pareto, CLV, ABC, RFM, contribution by dimension, top customers.</summary>
public sealed partial class ContributionPage : DashboardPage
{
    private ContributionData? _data;

    [Inject] private ContributionService Contribution { get; set; } = null!;

    private decimal? Top20Share => _data?.Kpis["top20_share"].Value;

    private Domain.Kpis.KpiResult Clv => _data!.Kpis["clv"];

    protected override async Task LoadDataAsync(CancellationToken cancellationToken) =>
        _data = await Contribution.GetAsync(Filter, Scope, cancellationToken);

    private void OpenCustomer(SqlRow row) =>
        Navigation.NavigateTo($"/customers/{row.GetInt64("customer_id")}?{FilterQueryString.Format(Filter)}");
}
