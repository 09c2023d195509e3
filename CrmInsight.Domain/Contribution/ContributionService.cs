using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Contribution;

/// <summary>Shapes the Contribution page (KPIS.md §1): Pareto, ABC, RFM, CLV and contribution by dimension.</summary>
public sealed class ContributionService(KpiService kpis, QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    private static readonly string[] AbcClasses = ["A", "B", "C"];

    /// <summary>The period's customers ranked by revenue: the rows of the Pareto curve, the ABC classes and the RFM cells, told apart by their "part".</summary>
    public const string RankingQuery = "contribution/ranking";

    public static IReadOnlyList<string> KpiIds { get; } =
        ["revenue", "gross_profit", "active_customers", "top20_share", "contribution_share", "profit_contribution", "clv", "avg_order_value", "purchase_frequency", "gross_margin"];

    /// <summary>The dimensions the page breaks contribution down by.</summary>
    public static IReadOnlyList<DimensionKind> BreakdownDimensions { get; } =
        [DimensionKind.Region, DimensionKind.Segment, DimensionKind.Channel, DimensionKind.Category];

    public async Task<ContributionData> GetAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default)
    {
        var resolved = periods.Resolve(filter);
        var version = await versions.GetCurrentAsync(cancellationToken);
        var args = QueryArgs.For(filter, scope).Window(resolved.Period, resolved.Comparison);
        var comparisonArgs = QueryArgs.For(filter, scope).Window(resolved.Comparison, resolved.ComparisonOfComparison);

        // Every read starts at once: the engine runs them side by side on the cores it has.
        var report = kpis.GetKpisAsync(filter, scope, KpiIds, version, cancellationToken);
        // Pareto, ABC and RFM come from one ranking of the period's customers, which top20_share
        // (in the report above) reads too: one execution for all of them.
        var ranking = cache.GetRowsAsync(RankingQuery, args, version, cancellationToken);
        var breakdowns = BreakdownDimensions.Select(kind => (
            Kind: kind,
            Current: cache.GetRowsAsync("contribution/by_dimension", args.With("dimension", kind.UrlName()), version, cancellationToken),
            // The comparison period shows only each member's revenue: no distinct customers to count.
            Comparison: cache.GetRowsAsync("contribution/by_dimension_revenue", comparisonArgs.With("dimension", kind.UrlName()), version, cancellationToken))).ToList();
        await Task.WhenAll([report, ranking, .. breakdowns.SelectMany(b => new[] { b.Current, b.Comparison })]);
        var parts = (await ranking).ToLookup(r => r.GetString("part") ?? "");
        var (segments, map) = Rfm([.. parts["rfm"]]);
        return new ContributionData(await report, Pareto([.. parts["pareto"]]), Abc([.. parts["abc"]]), segments, map,
            [.. breakdowns.Select(b => Breakdown(b.Kind, b.Current.Result, b.Comparison.Result))]);
    }

    internal static ParetoCurve Pareto(IReadOnlyList<SqlRow> rows)
    {
        if (rows.Count == 0)
        {
            return new ParetoCurve([new ParetoPoint(0, 0, 0)], 0, 0);
        }
        var customers = rows[0].GetInt64("customers");
        var total = rows[0].GetDecimal("total_revenue") ?? 0m;
        var points = new List<ParetoPoint> { new(0, 0, 0) };
        points.AddRange(rows.Select(r => new ParetoPoint(
            r.GetInt64("position"),
            (decimal)r.GetInt64("position") / customers,
            total == 0 ? 0 : (r.GetDecimal("cumulative_revenue") ?? 0m) / total)));
        return new ParetoCurve(points, customers, total);
    }

    internal static IReadOnlyList<AbcClassRow> Abc(IReadOnlyList<SqlRow> rows)
    {
        var customers = rows.Sum(r => r.GetInt64("customers"));
        var revenue = rows.Sum(r => r.GetDecimal("revenue") ?? 0m);
        return [.. AbcClasses.Select(c =>
        {
            var row = rows.FirstOrDefault(r => r.GetString("abc_class") == c);
            var n = row?.GetInt64("customers") ?? 0;
            var r = row?.GetDecimal("revenue") ?? 0m;
            return new AbcClassRow(c, n, r, row?.GetDecimal("gross_profit") ?? 0m, row?.GetInt64("orders") ?? 0,
                customers == 0 ? 0 : (decimal)n / customers, revenue == 0 ? 0 : r / revenue);
        })];
    }

    internal static (IReadOnlyList<RfmSegmentRow> Segments, IReadOnlyList<RfmCell> Map) Rfm(IReadOnlyList<SqlRow> rows)
    {
        var scored = rows.Select(r => (
            R: (int)r.GetInt64("r_score"), F: (int)r.GetInt64("f_score"), M: (int)r.GetInt64("m_score"),
            Customers: r.GetInt64("customers"), Revenue: r.GetDecimal("revenue") ?? 0m,
            Recency: r.GetInt64("recency_days"), Orders: r.GetInt64("orders"))).ToList();
        var customers = scored.Sum(s => s.Customers);
        var revenue = scored.Sum(s => s.Revenue);
        var segments = Enum.GetValues<RfmSegment>().Select(segment =>
        {
            var members = scored.Where(s => RfmSegments.Classify(s.R, s.F, s.M) == segment).ToList();
            var n = members.Sum(m => m.Customers);
            var r = members.Sum(m => m.Revenue);
            return new RfmSegmentRow(segment, n, r,
                n == 0 ? 0 : (decimal)members.Sum(m => m.Recency) / n,
                n == 0 ? 0 : (decimal)members.Sum(m => m.Orders) / n,
                customers == 0 ? 0 : (decimal)n / customers,
                revenue == 0 ? 0 : r / revenue);
        }).ToList();
        // The map is R × F; a cell takes the segment most of its customers fall in (M decides Champions).
        var map = (from r in Enumerable.Range(1, 5)
                   from f in Enumerable.Range(1, 5)
                   let cell = scored.Where(s => s.R == r && s.F == f).ToList()
                   select new RfmCell(r, f, cell.Sum(c => c.Customers), cell.Sum(c => c.Revenue),
                       cell.Count == 0
                           ? RfmSegments.Classify(r, f, 1)
                           : cell.GroupBy(c => RfmSegments.Classify(c.R, c.F, c.M)).MaxBy(g => g.Sum(c => c.Customers))!.Key)).ToList();
        return (segments, map);
    }

    internal static DimensionBreakdown Breakdown(DimensionKind kind, IReadOnlyList<SqlRow> current, IReadOnlyList<SqlRow> comparison)
    {
        var revenue = current.Sum(r => r.GetDecimal("revenue") ?? 0m);
        var profit = current.Sum(r => r.GetDecimal("gross_profit") ?? 0m);
        var before = comparison.ToDictionary(r => Member(r) ?? 0, r => r.GetDecimal("revenue") ?? 0m);
        return new DimensionBreakdown(kind, [.. current.Select(r => new MemberContribution(
            Member(r),
            r.GetString("member_name") ?? "",
            r.GetDecimal("revenue") ?? 0m,
            r.GetDecimal("gross_profit") ?? 0m,
            r.GetInt64("orders"),
            r.GetInt64("customers"),
            MeasureContext.Ratio(r.GetDecimal("revenue") ?? 0m, revenue),
            MeasureContext.Ratio(r.GetDecimal("gross_profit") ?? 0m, profit),
            before.GetValueOrDefault(Member(r) ?? 0)))]);
    }

    private static int? Member(SqlRow row) => row.GetDecimal("member_id") is { } id ? (int)id : null;
}
