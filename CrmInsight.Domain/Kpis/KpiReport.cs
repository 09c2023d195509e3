using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Kpis;

/// <summary>KPIs for one filter: the dates they cover and the data version they were read at.</summary>
public sealed record KpiReport(ResolvedPeriod Period, IReadOnlyList<KpiResult> Kpis, long DataVersion)
{
    /// <summary>The version snapshot read, so what a page shows beside these KPIs (the scorecard) reads the same one.</summary>
    public DataVersionSnapshot? Snapshot { get; init; }

    public KpiResult this[string id] => Kpis.First(k => string.Equals(k.Id, id, StringComparison.OrdinalIgnoreCase));
}
