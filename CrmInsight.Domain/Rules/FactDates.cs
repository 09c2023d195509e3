namespace CrmInsight.Domain.Rules;

/// <summary>
/// The days the dashboard covers: its date dimension holds 2000–2049, so a fact dated outside
/// would vanish from every view. Import, ingest and the URL's custom dates all check against it.
/// </summary>
public static class FactDates
{
    public static readonly DateOnly First = new(2000, 1, 1);

    public static readonly DateOnly Last = new(2049, 12, 31);

    public static bool Covers(DateOnly date) => date >= First && date <= Last;

    public static bool Covers(DateTime timestamp) => Covers(DateOnly.FromDateTime(timestamp));

    public static string Outside(DateOnly date) => $"{date:yyyy-MM-dd} is outside the years {First.Year}–{Last.Year} the dashboard covers.";
}
