using CrmInsight.Domain.Contribution;
using CrmInsight.Web.Components.Shared;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Who makes the money (KPIS.md §1): Pareto, CLV, ABC, RFM, contribution by dimension, top customers.</summary>
public sealed partial class ContributionPage : DashboardPage
{
    private ContributionData? _data;

    private decimal? Top20Share => _data?.Kpis["top20_share"].Value;

    private Domain.Kpis.KpiResult Clv => _data!.Kpis["clv"];

    protected override string PageUrl(Domain.Filters.DashboardFilter filter) => State.DashboardUrls.Contribution(filter);

    protected override async Task LoadDataAsync(CancellationToken cancellationToken) =>
        _data = await Data.GetContributionAsync(Filter, Scope, cancellationToken);
}
