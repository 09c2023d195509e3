using CrmInsight.Domain.Filters;

namespace CrmInsight.Tests.Domain.Filters;

public sealed class PartialBucketTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("2026-12-01", "2027-01-01", "2026-09-03", "2026-12-02", true)] // December on its 1st: holds today and the period ends on the 2nd
    [InlineData("2026-11-01", "2026-12-01", "2026-09-03", "2026-12-02", false)] // November is over
    [InlineData("2026-12-01", "2026-12-02", "2026-09-03", "2026-12-02", true)] // today as a day bucket: not over yet
    [InlineData("2026-11-30", "2026-12-01", "2026-09-03", "2026-12-02", false)] // yesterday
    [InlineData("2026-11-26", "2026-12-03", "2026-09-03", "2026-11-30", true)] // a week cut by the period's end
    [InlineData("2026-10-01", "2026-11-01", "2026-01-01", "2026-11-01", false)] // last month as a whole period
    public void A_bucket_is_partial_when_the_period_cuts_it_or_it_holds_today(string start, string end, string from, string to, bool partial)
    {
        var period = new DateRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(partial, PartialBucket.Is(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period, Today));
    }
}
