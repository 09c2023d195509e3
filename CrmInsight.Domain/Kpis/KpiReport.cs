using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Kpis;

/// <summary>KPIs for one filter: the dates they cover and the data version they were read at.</summary>
public sealed record KpiReport(ResolvedPeriod Period, IReadOnlyList<KpiResult> Kpis, long DataVersion)
{
    public KpiResult this[string id] => Kpis.First(k => string.Equals(k.Id, id, StringComparison.OrdinalIgnoreCase));
}
