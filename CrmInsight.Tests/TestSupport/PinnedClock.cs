using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The clock of the app under test: "now" starts at a pinned instant (so "today", the demo data
/// and every period preset are the same on every run, whatever the machine's date) and then
/// moves on with real elapsed time, because the live parts (poll timer, throttle, wall rotation,
/// key checks) must still see time pass in a browser test. Timers are the system's. The local
/// zone is UTC, so the pinned local date is the pinned UTC date.
/// </summary>
public sealed class PinnedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = System.GetTimestamp();

    public DateTimeOffset Start { get; } = start.ToUniversalTime();

    /// <summary>The pinned local date the app calls today (until the test has run past midnight of it, which no test does).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Start.UtcDateTime);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => Start + System.GetElapsedTime(_startedAt);
}

/// <summary>The "todays" the suite runs on.</summary>
public static class PinnedDays
{
    /// <summary>An ordinary day in mid-year, the default of every test server.</summary>
    public static readonly DateTimeOffset Ordinary = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Half an hour into a year: "year to date" is one short day, last year is all of the previous one.</summary>
    public static readonly DateTimeOffset NewYear = new(2027, 1, 1, 0, 30, 0, TimeSpan.Zero);

    /// <summary>Half an hour into a leap day: the same day last year does not exist.</summary>
    public static readonly DateTimeOffset LeapDay = new(2028, 2, 29, 0, 30, 0, TimeSpan.Zero);

    /// <summary>For date-sensitive theories: <c>[MemberData(nameof(PinnedDays.All), MemberType = typeof(PinnedDays))]</c>.</summary>
    public static TheoryData<string> All => new() { Name(Ordinary), Name(NewYear), Name(LeapDay) };

    /// <summary>A clock that stands still at <paramref name="at"/> (default <see cref="Ordinary"/>), local zone UTC, for code without timers.</summary>
    public static FakeTimeProvider Frozen(DateTimeOffset? at = null)
    {
        var time = new FakeTimeProvider(at ?? Ordinary);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return time;
    }

    public static DateTimeOffset Parse(string name) => name switch
    {
        "ordinary" => Ordinary,
        "new-year" => NewYear,
        "leap-day" => LeapDay,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a pinned day"),
    };

    private static string Name(DateTimeOffset day) => day == Ordinary ? "ordinary" : day == NewYear ? "new-year" : "leap-day";
}
