namespace CrmInsight.Domain.Demo;

/// <summary>
/// When a demo record was last written (UTC), as a CRM would have it: an order, survey, touch or
/// activity during the working part of its day, a ticket just after its last change, a
/// customer when acquired or at a later profile edit — never after "now". Derived from the
/// row itself, so generation stays deterministic and needs no extra random draws.
/// </summary>
public sealed class DemoWrittenAt(DateTime localNow, TimeZoneInfo zone)
{
    /// <summary>A moment during <paramref name="day"/> (up to now when the day is today), spread by <paramref name="key"/>.</summary>
    public DateTime During(DateOnly day, long key, int salt)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        var span = Math.Min(TimeSpan.TicksPerDay, Math.Max(0, (localNow - start).Ticks));
        // Between 30 % and 95 % of the day's span: mostly working hours.
        var fraction = 0.30 + (0.65 * Unit(key, salt));
        return Utc(start.AddTicks((long)(span * fraction)));
    }

    /// <summary>Just after <paramref name="lastChange"/> (a ticket's latest timestamp).</summary>
    public DateTime After(DateTime lastChange, long key, int salt) =>
        Utc(Min(lastChange.AddSeconds(5 + (Unit(key, salt) * 120)), localNow));

    /// <summary>
    /// A customer: written when acquired; about one in five was edited again later (a new
    /// phone, an address), on a day between then and today.
    /// </summary>
    public DateTime Customer(DateOnly acquired, long customerId)
    {
        var today = DateOnly.FromDateTime(localNow);
        if (Unit(customerId, 17) < 0.2 && today > acquired)
        {
            var days = today.DayNumber - acquired.DayNumber;
            return During(acquired.AddDays(1 + (int)(Unit(customerId, 19) * (days - 1))), customerId, 23);
        }
        return During(acquired, customerId, 29);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private DateTime Utc(DateTime local) =>
        DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc);

    /// <summary>A number in [0, 1) from the key (SplitMix64 finaliser): uniform enough, and the same on every machine.</summary>
    private static double Unit(long key, int salt)
    {
        var z = unchecked((ulong)key * 0x9E3779B97F4A7C15UL + (ulong)salt * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
