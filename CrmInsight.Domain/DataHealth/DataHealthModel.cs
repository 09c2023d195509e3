using CrmInsight.Domain.Kpis;

namespace CrmInsight.Domain.DataHealth;

/// <summary>How many of the customers in view have one field of their record filled in.</summary>
public sealed record FieldCompleteness(string Field, long Present, long Customers)
{
    public decimal? Share => Customers == 0 ? null : (decimal)Present / Customers;

    public long Missing => Customers - Present;
}

/// <summary>One table's writes as of the data-health instant: records, those written in the 24 h before it, and the age of the newest.</summary>
public sealed record TableWrites(string Table, long Records, long Recent, long? AgeSeconds)
{
    public decimal? UpdateRate => Records == 0 ? null : (decimal)Recent / Records;
}

/// <summary>Everything the Data health page shows for one filter (KPIS.md §7).</summary>
public sealed record DataHealthData(
    KpiReport Kpis,
    DateTime AsOfUtc,
    FieldCompleteness Overall,
    IReadOnlyList<FieldCompleteness> Fields,
    IReadOnlyList<TableWrites> Tables);
