using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Marketing;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Components.Shared;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// Does marketing money turn into customers and revenue (KPIS.md §4): campaign table, funnel,
/// ROI vs spend, CAC by acquisition channel, cross-sell trend and the customers reached.
/// A campaign row toggles the campaign in the filter, which the funnel and charts follow.
/// </summary>
public sealed partial class MarketingPage : DashboardPage
{
    private MarketingData? _data;

    private string FunnelScope => Filter.Campaigns.IsEmpty
        ? L["all campaigns"]
        : string.Join(", ", Filter.Campaigns.Select(id => Catalog.NameOf(DimensionKind.Campaign, id)));

    protected override string PageUrl(DashboardFilter filter) => State.DashboardUrls.Marketing(filter);

    protected override async Task LoadDataAsync(CancellationToken cancellationToken) =>
        _data = await Data.GetMarketingAsync(Filter, Scope, cancellationToken);

    private void ToggleCampaign(CampaignRowKey row)
    {
        var id = row.CampaignId;
        var campaigns = Filter.Campaigns.Contains(id) ? Filter.Campaigns.Remove(id) : Filter.Campaigns.Add(id);
        ApplyFilter(Filter.WithMembers(DimensionKind.Campaign, campaigns));
    }
}
