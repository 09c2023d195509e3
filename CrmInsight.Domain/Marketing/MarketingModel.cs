using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Retention;

namespace CrmInsight.Domain.Marketing;

/// <summary>A step of the campaign funnel: its customers and their share of the targeted ones.</summary>
public sealed record FunnelStage(string Key, LocalizedText Label, long Customers, decimal? ShareOfTargeted);

/// <summary>A campaign's money in the period, for the ROI vs spend scatter.</summary>
public sealed record CampaignPoint(int CampaignId, string Name, decimal Spend, decimal AttributedRevenue, decimal? Roi, bool Selected);

/// <summary>Spend and new customers of one acquisition channel; CAC null without new customers.</summary>
public sealed record ChannelAcquisition(int ChannelId, string Name, decimal Spend, long NewCustomers, decimal? Cac);

public sealed record MarketingData(
    KpiReport Kpis,
    IReadOnlyDictionary<string, IReadOnlyList<MonthlyPoint>> Sparklines,
    IReadOnlyList<FunnelStage> Funnel,
    IReadOnlyList<CampaignPoint> Campaigns,
    IReadOnlyList<ChannelAcquisition> Channels,
    KpiTrend CrossSell);
