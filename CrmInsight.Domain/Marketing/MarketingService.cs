using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;

namespace CrmInsight.Domain.Marketing;

/// <summary>
/// Shapes the Marketing page (KPIS.md §4): the marketing KPIs, the funnel targeted → responded →
/// converted of the selected campaigns, ROI against spend per campaign, CAC by acquisition
/// channel and the cross-sell trend against a year earlier. One data version per load.
/// </summary>
public sealed class MarketingService(KpiService kpis, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    public const int Months = 12;

    /// <summary>The scatter shows at most this many campaigns (the largest spenders).</summary>
    public const int MaxCampaignPoints = 200;

    public static IReadOnlyList<string> KpiIds { get; } =
        ["reach", "response_rate", "conversion_rate", "campaign_spend", "cac", "attributed_revenue", "roi", "cost_per_response", "cross_sell_rate"];

    public async Task<MarketingData> GetAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default)
    {
        var resolved = periods.Resolve(filter);
        var period = resolved.Period;
        var version = await versions.GetCurrentAsync(cancellationToken);
        // Every read starts at once: the engine runs them side by side on the cores it has.
        var reportTask = kpis.GetKpisAsync(filter, scope, KpiIds, version, cancellationToken);
        var sparklinesTask = kpis.GetMonthlySeriesAsync(filter, scope, KpiIds, Months, version, cancellationToken);
        var yearEarlier = filter.WithCustomRange(period.From.AddYears(-1), period.To.AddYears(-1));
        var comparisonTask = kpis.GetMonthlySeriesAsync(yearEarlier, scope, ["cross_sell_rate"], Months, version, cancellationToken);

        // The same arguments KpiService used for conversion_rate: the row comes from the cache.
        var args = QueryArgs.For(filter, scope).Monthly(false).Window(period, resolved.Comparison);
        var touchesTask = cache.GetRowsAsync("kpi/conversions", args, version, cancellationToken);

        var campaignsTask = cache.GetRowsAsync(TableCatalog.Campaigns.Query, args, version, cancellationToken);
        var channelsTask = cache.GetRowsAsync("marketing/by_acquisition_channel", args, version, cancellationToken);
        await Task.WhenAll(reportTask, sparklinesTask, comparisonTask, touchesTask, campaignsTask, channelsTask);
        var (report, sparklines, comparison, touches, campaigns, channels) =
            (await reportTask, await sparklinesTask, await comparisonTask, await touchesTask, await campaignsTask, await channelsTask);
        var crossSell = new KpiTrend(kpis.Catalog.Get("cross_sell_rate"), sparklines["cross_sell_rate"], comparison["cross_sell_rate"]);

        // The campaign table's rows, with its ROI as the KPI defines it; the largest spenders first.
        var table = TableCatalog.Campaigns;
        var spenders = TableKpis.Sort(table, TableKpis.Compute(table, campaigns, kpis.Catalog, scope), table.Request("spend", descending: true, 0, MaxCampaignPoints));
        return new MarketingData(report, sparklines, Funnel(touches.Count > 0 ? touches[0] : null),
            Points([.. spenders.Take(MaxCampaignPoints)], filter.Campaigns), Channels(channels), crossSell);
    }

    /// <summary>
    /// Targeted → responded → converted from a kpi/conversions row (no row: nobody targeted). Each step
    /// is a subset of the one before: "converted" are responders who bought inside the window of
    /// the touch they answered (conversion_rate counts every targeted buyer, responder or not).
    /// </summary>
    public static IReadOnlyList<FunnelStage> Funnel(SqlRow? touches)
    {
        var targeted = touches?.GetInt64("targeted") ?? 0;
        // A step's name is the resource funnel.<key>.
        FunnelStage Stage(string key, long customers) => new(key, new LocalizedText($"funnel.{key}"), customers, MeasureContext.Ratio(customers, targeted));
        return
        [
            Stage("targeted", targeted),
            Stage("responded", touches?.GetInt64("responders") ?? 0),
            Stage("converted", touches?.GetInt64("responded_converted") ?? 0),
        ];
    }

    internal static IReadOnlyList<CampaignPoint> Points(IReadOnlyList<SqlRow> rows, IdSet selected) =>
        [.. rows.Select(r =>
        {
            var id = (int)r.GetInt64("campaign_id");
            return new CampaignPoint(id, r.GetString("name") ?? "", r.GetDecimal("spend") ?? 0, r.GetDecimal("attributed_revenue") ?? 0, r.GetDecimal("roi"), selected.Contains(id));
        })];

    internal static IReadOnlyList<ChannelAcquisition> Channels(IReadOnlyList<SqlRow> rows) =>
        [.. rows.Select(r => new ChannelAcquisition((int)r.GetInt64("member_id"), r.GetString("name") ?? "", r.GetDecimal("spend") ?? 0, r.GetInt64("new_customers"), r.GetDecimal("cac")))];
}
