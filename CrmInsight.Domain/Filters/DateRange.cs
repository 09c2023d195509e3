using System.Globalization;

namespace CrmInsight.Domain.Filters;

/// <summary>Whole days [From, To): To is exclusive, as in KPIS.md.</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"A date range must end after it starts ({from:yyyy-MM-dd} .. {to:yyyy-MM-dd}).");
        }
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>The last day inside the range.</summary>
    public DateOnly LastDay => To.AddDays(-1);

    public bool Contains(DateOnly day) => day >= From && day < To;

    /// <summary>The period this one is compared with.</summary>
    public DateRange ComparedWith(ComparisonMode mode) => mode switch
    {
        // AddYears maps 29 February to the 28th, which can collapse a one-day range: keep a day.
        ComparisonMode.SamePeriodLastYear => new DateRange(
            From.AddYears(-1),
            To.AddYears(-1) > From.AddYears(-1) ? To.AddYears(-1) : From.AddYears(-1).AddDays(1)),
        _ => new DateRange(From.AddDays(-Days), From),
    };

    /// <summary>
    /// The <paramref name="months"/> calendar months ending with the month of the last day,
    /// that month only up to this range's end (sparklines, cohorts and monthly trends).
    /// </summary>
    public DateRange TrailingMonths(int months)
    {
        var lastMonth = new DateOnly(LastDay.Year, LastDay.Month, 1);
        return new DateRange(lastMonth.AddMonths(-(months - 1)), To);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
}
