using CrmInsight.Domain.Filters;
using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.Domain.Filters;

public sealed class PeriodResolverTests
{
    // Wednesday 2026-11-18, 09:30 in Shanghai (01:30 UTC).
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [InlineData(DatePreset.Last7Days, "2026-11-12", "2026-11-19")]
    [InlineData(DatePreset.Last30Days, "2026-10-20", "2026-11-19")]
    [InlineData(DatePreset.Last90Days, "2026-08-21", "2026-11-19")]
    [InlineData(DatePreset.MonthToDate, "2026-11-01", "2026-11-19")]
    [InlineData(DatePreset.QuarterToDate, "2026-10-01", "2026-11-19")]
    [InlineData(DatePreset.YearToDate, "2026-01-01", "2026-11-19")]
    [InlineData(DatePreset.LastMonth, "2026-10-01", "2026-11-01")]
    [InlineData(DatePreset.LastQuarter, "2026-07-01", "2026-10-01")]
    [InlineData(DatePreset.LastYear, "2025-01-01", "2026-01-01")]
    [InlineData(DatePreset.ThisMonth, "2026-11-01", "2026-12-01")] // the whole month, days to come included
    [InlineData(DatePreset.ThisQuarter, "2026-10-01", "2027-01-01")]
    public void Presets_resolve_against_today(DatePreset preset, string from, string to)
    {
        var range = PeriodResolver.Range(DashboardFilter.Default.WithPreset(preset), Today);

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }

    [Fact]
    public void Today_is_the_local_date_of_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 1, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var resolver = new PeriodResolver(time);

        Assert.Equal(Today, resolver.Today);
        time.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        Assert.Equal(new DateOnly(2026, 11, 17), resolver.Today);
    }

    [Fact]
    public void The_previous_period_has_the_same_length_and_ends_where_the_period_starts()
    {
        var period = new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 19)); // 18 days

        var previous = period.ComparedWith(ComparisonMode.PreviousPeriod);

        Assert.Equal(new DateRange(new DateOnly(2026, 10, 14), new DateOnly(2026, 11, 1)), previous);
    }

    [Fact]
    public void Same_period_last_year_shifts_both_ends_by_a_year() =>
        Assert.Equal(
            new DateRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 11, 19)),
            new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 19)).ComparedWith(ComparisonMode.SamePeriodLastYear));

    [Fact]
    public void The_leap_day_still_compares_with_a_day() =>
        Assert.Equal(
            new DateRange(new DateOnly(2023, 2, 28), new DateOnly(2023, 3, 1)),
            new DateRange(new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1)).ComparedWith(ComparisonMode.SamePeriodLastYear));

    [Fact]
    public void An_open_custom_range_runs_through_today()
    {
        var filter = DashboardFilter.Default with { Preset = DatePreset.Custom, From = new DateOnly(2026, 9, 1) };

        Assert.Equal(new DateRange(new DateOnly(2026, 9, 1), Today.AddDays(1)), PeriodResolver.Range(filter, Today));
    }
}
