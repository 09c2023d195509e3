namespace CrmInsight.Domain.Storage;

/// <summary>
/// One area a write touched and the months its rows are dated in; no months means the write
/// does not say (every month counts as changed). Cached results over dates before the first
/// touched month stay valid. A write that touched few days names them (<see cref="Days"/>): then
/// results over dates before the first touched day stay valid — today's orders leave everything
/// before today cached.
/// </summary>
public sealed record DataChange(string Area, IReadOnlyCollection<DateOnly> Months)
{
    /// <summary>The month that stands for "every month" in data_change_month.</summary>
    public static readonly DateOnly EveryMonth = new(1900, 1, 1);

    /// <summary>The most days a write names one by one; a write over more is recorded by month (a bulk load).</summary>
    public const int MaxNamedDays = 31;

    /// <summary>The days the write touched, when it named them (at most <see cref="MaxNamedDays"/>); empty: by month only.</summary>
    public IReadOnlyCollection<DateOnly> Days { get; init; } = [];

    public static DataChange Undated(string area) => new(area, []);

    public static DataChange InMonths(string area, IEnumerable<DateOnly> dates)
    {
        var days = dates.Distinct().Order().ToList();
        return new(area, [.. days.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct()])
        {
            Days = days.Count <= MaxNamedDays ? days : [],
        };
    }
}
