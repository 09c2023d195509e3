namespace CrmInsight.Domain.Storage;

/// <summary>
/// One area a write touched and the months its rows are dated in; no months means the write
/// does not say (every month counts as changed). Cached results over dates before the first
/// touched month stay valid.
/// </summary>
public sealed record DataChange(string Area, IReadOnlyCollection<DateOnly> Months)
{
    /// <summary>The month that stands for "every month" in data_change_month.</summary>
    public static readonly DateOnly EveryMonth = new(1900, 1, 1);

    public static DataChange Undated(string area) => new(area, []);

    public static DataChange InMonths(string area, IEnumerable<DateOnly> dates) =>
        new(area, [.. dates.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().Order()]);
}
