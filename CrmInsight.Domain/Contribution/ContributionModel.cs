using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;

namespace CrmInsight.Domain.Contribution;

/// <summary>A point of the Pareto curve: the top <see cref="CustomerShare"/> of customers bring <see cref="RevenueShare"/> of revenue.</summary>
public sealed record ParetoPoint(long Position, decimal CustomerShare, decimal RevenueShare);

public sealed record ParetoCurve(IReadOnlyList<ParetoPoint> Points, long Customers, decimal Revenue);

public sealed record AbcClassRow(string Class, long Customers, decimal Revenue, decimal GrossProfit, long Orders, decimal CustomerShare, decimal RevenueShare);

public sealed record RfmSegmentRow(RfmSegment Segment, long Customers, decimal Revenue, decimal AverageRecencyDays, decimal AverageOrders, decimal CustomerShare, decimal RevenueShare);

/// <summary>Customers with recency score R and frequency score F (the RFM segment map).</summary>
public sealed record RfmCell(int Recency, int Frequency, long Customers, decimal Revenue, RfmSegment Segment);

/// <summary>A member's revenue and profit, its shares of the total, and its revenue in the comparison period.</summary>
public sealed record MemberContribution(
    int? MemberId, string Name, decimal Revenue, decimal GrossProfit, long Orders, long Customers,
    decimal? RevenueShare, decimal? ProfitShare, decimal ComparisonRevenue);

public sealed record DimensionBreakdown(DimensionKind Kind, IReadOnlyList<MemberContribution> Members);

/// <summary>Everything the Contribution page shows for one filter.</summary>
public sealed record ContributionData(
    KpiReport Kpis,
    ParetoCurve Pareto,
    IReadOnlyList<AbcClassRow> Abc,
    IReadOnlyList<RfmSegmentRow> Rfm,
    IReadOnlyList<RfmCell> RfmMap,
    IReadOnlyList<DimensionBreakdown> Breakdowns);
