using CrmInsight.Domain.Kpis;

namespace CrmInsight.Domain.Overview;

/// <summary>The grain of a trend: a day per point for short periods, a week or a month for longer ones.</summary>
public enum TrendGrain
{
    Day,
    Week,
    Month,
}

/// <summary>One point of the revenue trend, with the comparison period's point at the same position.</summary>
/// <param name="Partial">The bucket is not over (cut by the period's end, or holding today). Its comparison bucket is cut to the same length, so the two compare like for like.</param>
public sealed record TrendPoint(DateOnly Bucket, decimal Revenue, decimal GrossProfit, DateOnly ComparisonBucket, decimal ComparisonRevenue, bool Partial = false);

public sealed record TrendSeries(TrendGrain Grain, IReadOnlyList<TrendPoint> Points);

/// <summary>Revenue of one region in the period and in the comparison period (RegionId null: sales with no region).</summary>
public sealed record RegionRevenue(int? RegionId, string Name, decimal Revenue, decimal ComparisonRevenue);

/// <summary>One KPI tile: its result and its monthly sparkline.</summary>
public sealed record KpiTileData(KpiResult Result, IReadOnlyList<MonthlyPoint> Sparkline);

public sealed record KpiTileGroup(KpiArea Area, IReadOnlyList<KpiTileData> Tiles);

/// <summary>Everything the Overview page shows for one filter.</summary>
public sealed record OverviewData(KpiReport Report, IReadOnlyList<KpiTileGroup> Groups, TrendSeries Trend, IReadOnlyList<RegionRevenue> Regions);
