using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Overview;

/// <summary>Shapes the Overview page: the headline tiles by area, the revenue trend and revenue by region.</summary>
public sealed class OverviewService(KpiService kpis, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    /// <summary>The tiles of the Overview, by area, in display order.</summary>
    public static IReadOnlyList<(KpiArea Area, IReadOnlyList<string> Ids)> Tiles { get; } =
    [
        (KpiArea.Contribution, ["revenue", "gross_profit", "gross_margin", "revenue_growth", "orders", "active_customers",
            "avg_order_value", "items_per_order", "purchase_frequency", "returns_value", "return_rate"]),
        (KpiArea.Retention, ["new_customers", "retention_rate", "churn_rate", "repurchase_rate"]),
        (KpiArea.Satisfaction, ["csat", "nps", "complaint_rate", "resolution_rate", "first_response_time"]),
        (KpiArea.Marketing, ["response_rate", "cac", "roi"]),
        (KpiArea.Sales, ["attainment", "win_rate"]),
    ];

    public Task<OverviewData> GetAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default) =>
        GetSelectionAsync(filter, scope, [.. Tiles.SelectMany(t => t.Ids)], trend: true, regions: true, cancellationToken);

    /// <summary>
    /// Some of the Overview's tiles (and, if asked, its charts) — what one wall view shows. A
    /// change then recomputes only the queries those tiles read; the results are shared with
    /// the Overview and every other wall through the cache.
    /// </summary>
    public async Task<OverviewData> GetSelectionAsync(DashboardFilter filter, DataScope scope, IReadOnlyList<string> ids, bool trend, bool regions, CancellationToken cancellationToken = default)
    {
        // One version for the whole page, so no part of it shows newer data than another.
        var version = await versions.GetCurrentAsync(cancellationToken);
        var reportTask = kpis.GetKpisAsync(filter, scope, ids, version, cancellationToken);
        var seriesTask = kpis.GetMonthlySeriesAsync(filter, scope, ids, 12, version, cancellationToken);
        var resolved = periods.Resolve(filter);
        var trendTask = trend ? GetTrendAsync(filter, scope, resolved, version, cancellationToken) : Task.FromResult(new TrendSeries(GrainFor(resolved.Period), []));
        var regionsTask = regions ? GetRegionsAsync(filter, scope, resolved, version, cancellationToken) : Task.FromResult<IReadOnlyList<RegionRevenue>>([]);
        await Task.WhenAll(reportTask, seriesTask, trendTask, regionsTask);

        var report = await reportTask;
        var series = await seriesTask;
        var groups = Tiles
            .Select(t => new KpiTileGroup(t.Area, [.. t.Ids.Where(ids.Contains).Select(id => new KpiTileData(report[id], series[id]))]))
            .Where(g => g.Tiles.Count > 0)
            .ToList();
        return new OverviewData(report, groups, await trendTask, await regionsTask);
    }

    public static TrendGrain GrainFor(DateRange period) => period.Days switch
    {
        <= 62 => TrendGrain.Day,
        <= 190 => TrendGrain.Week,
        _ => TrendGrain.Month,
    };

    /// <summary>
    /// The bucket starts covering a period: every day, every seven days from the period's first
    /// day (so the first week is whole and lines up with the comparison's), or every calendar month.
    /// </summary>
    public static IReadOnlyList<DateOnly> Buckets(DateRange period, TrendGrain grain)
    {
        var first = grain == TrendGrain.Month ? new DateOnly(period.From.Year, period.From.Month, 1) : period.From;
        var buckets = new List<DateOnly>();
        for (var bucket = first; bucket < period.To; bucket = Next(bucket, grain))
        {
            buckets.Add(bucket);
        }
        return buckets;
    }

    private static DateOnly Next(DateOnly bucket, TrendGrain grain) => grain switch
    {
        TrendGrain.Week => bucket.AddDays(7),
        TrendGrain.Month => bucket.AddMonths(1),
        _ => bucket.AddDays(1),
    };

    private async Task<TrendSeries> GetTrendAsync(DashboardFilter filter, DataScope scope, ResolvedPeriod resolved, DataVersionSnapshot version, CancellationToken cancellationToken)
    {
        var grain = GrainFor(resolved.Period);
        var args = QueryArgs.For(filter, scope).With("grain", grain == TrendGrain.Month ? "month" : "day");
        var current = cache.GetRowsAsync("overview/revenue_trend", args.Window(resolved.Period, resolved.Comparison), version, cancellationToken);
        var comparison = cache.GetRowsAsync("overview/revenue_trend", args.Window(resolved.Comparison, resolved.ComparisonOfComparison), version, cancellationToken);
        var periodBuckets = Fold(await current, resolved.Period, grain);
        var comparisonBuckets = Fold(await comparison, resolved.Comparison, grain);

        // Points line up by position: the comparison's n-th bucket sits under the period's n-th.
        var points = periodBuckets.Select((bucket, i) =>
        {
            var (comparisonStart, comparisonRevenue, _) = i < comparisonBuckets.Count ? comparisonBuckets[i] : (bucket.Start, 0m, 0m);
            return new TrendPoint(bucket.Start, bucket.Revenue, bucket.GrossProfit, comparisonStart, comparisonRevenue,
                PartialBucket.Is(bucket.Start, Next(bucket.Start, grain), resolved.Period, periods.Today));
        }).ToList();
        return new TrendSeries(grain, points);
    }

    /// <summary>Sums the query's day or month rows into the grain's buckets (a few hundred rows at most).</summary>
    private static List<(DateOnly Start, decimal Revenue, decimal GrossProfit)> Fold(IReadOnlyList<SqlRow> rows, DateRange period, TrendGrain grain)
    {
        var buckets = Buckets(period, grain);
        var totals = buckets.Select(b => (Start: b, Revenue: 0m, GrossProfit: 0m)).ToList();
        var indexOf = buckets.Select((start, i) => (start, i)).ToDictionary(b => b.start, b => b.i);
        foreach (var row in rows)
        {
            var date = row.GetDate("bucket")!.Value;
            var index = grain == TrendGrain.Week
                ? (date.DayNumber - period.From.DayNumber) / 7
                : indexOf.GetValueOrDefault(date, -1);
            if (index >= 0 && index < totals.Count)
            {
                var (start, revenue, profit) = totals[index];
                totals[index] = (start, revenue + (row.GetDecimal("revenue") ?? 0m), profit + (row.GetDecimal("gross_profit") ?? 0m));
            }
        }
        return totals;
    }

    private async Task<IReadOnlyList<RegionRevenue>> GetRegionsAsync(DashboardFilter filter, DataScope scope, ResolvedPeriod resolved, DataVersionSnapshot version, CancellationToken cancellationToken)
    {
        var args = QueryArgs.For(filter, scope);
        var current = cache.GetRowsAsync("overview/revenue_by_region", args.Window(resolved.Period, resolved.Comparison), version, cancellationToken);
        var comparison = cache.GetRowsAsync("overview/revenue_by_region", args.Window(resolved.Comparison, resolved.ComparisonOfComparison), version, cancellationToken);
        var comparisonByRegion = (await comparison).ToDictionary(r => RegionKey(r), r => r.GetDecimal("revenue") ?? 0m);
        return [.. (await current).Select(r => new RegionRevenue(
            RegionId(r),
            r.GetString("region_name") ?? "",
            r.GetDecimal("revenue") ?? 0m,
            comparisonByRegion.GetValueOrDefault(RegionKey(r))))];
    }

    private static int? RegionId(SqlRow row) => row.GetDecimal("region_id") is { } id ? (int)id : null;

    private static int RegionKey(SqlRow row) => RegionId(row) ?? 0;
}
