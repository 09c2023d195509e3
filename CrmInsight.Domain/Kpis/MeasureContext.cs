using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// What a KPI formula reads: the measures of its query for the window being computed
/// (<see cref="Cur"/>) and, for growth KPIs, for the window before it (<see cref="Prev"/>).
/// Every read is recorded, so the detail panel can show exactly the numbers that went in.
/// A missing row means the window had no data: its sums and counts are zero.
/// </summary>
public sealed class MeasureContext(IReadOnlyList<SqlRow?> current, SqlRow? previous)
{
    private readonly List<KpiInput> _reads = [];

    public MeasureContext(SqlRow? current, SqlRow? previous)
        : this([current], previous)
    {
    }

    public IReadOnlyList<KpiInput> Reads => _reads;

    /// <summary>A measure of the computed window, from whichever of the KPI's queries returns it.</summary>
    public decimal Cur(string measure) => Read(RowWith(measure), measure, fromPrevious: false);

    public decimal Prev(string measure) => Read(previous, measure, fromPrevious: true);

    /// <summary>numerator / denominator, undefined (null) when the denominator is zero.</summary>
    public static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : numerator / denominator;

    /// <summary>
    /// The row holding <paramref name="measure"/>. With one query that is its row (a missing row
    /// reads as zeros, and a misspelt measure fails loudly); with several, the first row that
    /// has the column, and none when the queries with that column returned no row.
    /// </summary>
    private SqlRow? RowWith(string measure) =>
        current.Count == 1 ? current[0] : current.FirstOrDefault(r => r is not null && r.Columns.Contains(measure, StringComparer.OrdinalIgnoreCase));

    private decimal Read(SqlRow? row, string measure, bool fromPrevious)
    {
        var value = row?.GetDecimal(measure) ?? 0m;
        if (!_reads.Any(r => r.Measure == measure && r.FromPreviousWindow == fromPrevious))
        {
            _reads.Add(new KpiInput(measure, value, fromPrevious));
        }
        return value;
    }
}
