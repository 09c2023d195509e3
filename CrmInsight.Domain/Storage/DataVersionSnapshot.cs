namespace CrmInsight.Domain.Storage;

/// <summary>
/// The data version at one moment: the global counter; per data area, the version at which it
/// last changed; and per area and month, the version of the last write dated in that month
/// (<see cref="DataChange.EveryMonth"/>: an undated write), or per day for writes that named their
/// days. <see cref="VersionFor"/> is what a
/// cached result of a query reading those areas (over dates before a day) is keyed by.
/// </summary>
public sealed record DataVersionSnapshot(long Version, IReadOnlyDictionary<string, long> AreaVersions, DateTimeOffset ReadAt)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Month, long Version)>> NoMonths =
        new Dictionary<string, IReadOnlyList<(DateOnly Month, long Version)>>();

    public static DataVersionSnapshot Initial(DateTimeOffset at) => new(0, new Dictionary<string, long>(), at);

    /// <summary>Per area, the months written and the version of the last write dated in each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Month, long Version)>> AreaMonths { get; init; } = NoMonths;

    /// <summary>Per area, the days written by writes that named their days (and left no month row), with the version of the last such write.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Day, long Version)>> AreaDays { get; init; } = NoMonths;

    /// <summary>
    /// The version at which any of <paramref name="areas"/> (or everything) last changed; with
    /// <paramref name="before"/>, only changes dated before that day count (a result over dates
    /// before it is unaffected by later-dated writes).
    /// </summary>
    public long VersionFor(IReadOnlyList<string> areas, DateOnly? before = null)
    {
        // A bump that recorded no area (an older writer) must invalidate everything.
        if (areas.Count == 0 || AreaVersions.Count == 0 || Version > AreaVersions.Values.Max())
        {
            return Version;
        }
        var version = AreaVersions.GetValueOrDefault(Sql.DataAreas.All);
        foreach (var area in areas)
        {
            version = Math.Max(version, AreaVersionFor(area, before));
        }
        return version;
    }

    /// <summary>The areas whose version differs from <paramref name="earlier"/> ('*' when everything changed).</summary>
    public IReadOnlyList<string> ChangedSince(DataVersionSnapshot earlier) =>
        [.. AreaVersions.Where(kv => earlier.AreaVersions.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Per area changed since <paramref name="earlier"/>, the dates its changes start on: the
    /// first day of each month written by month, and each day written by day; an empty list when a
    /// change was undated (every date). A cached result whose window ends on or after the first of
    /// them is stale.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DateOnly>> ChangedDatesSince(DataVersionSnapshot earlier)
    {
        var changed = new Dictionary<string, IReadOnlyList<DateOnly>>(StringComparer.Ordinal);
        foreach (var area in ChangedSince(earlier))
        {
            var seen = earlier.AreaVersions.GetValueOrDefault(area);
            var rows = DatedRows(area).ToList();
            var dated = rows.Where(m => m.Version > seen).Select(m => m.Date).Distinct().Order().ToList();
            var undated = dated.Count == 0 || dated[0] == DataChange.EveryMonth || rows.Max(m => m.Version) < AreaVersions[area];
            changed[area] = undated ? [] : dated;
        }
        return changed;
    }

    private long AreaVersionFor(string area, DateOnly? before)
    {
        var last = AreaVersions.GetValueOrDefault(area);
        if (before is not { } day)
        {
            return last;
        }
        var dated = 0L;
        var newest = 0L;
        var any = false;
        // A month row counts when the month starts before the day (it may hold dates before it);
        // a day row when the day itself is before it.
        foreach (var (date, version) in DatedRows(area))
        {
            any = true;
            newest = Math.Max(newest, version);
            if (date < day)
            {
                dated = Math.Max(dated, version);
            }
        }
        // The area's last change left no month or day row (a writer that does not date its
        // changes): it may have touched any date.
        return !any || newest < last ? last : dated;
    }

    private IEnumerable<(DateOnly Date, long Version)> DatedRows(string area) =>
        (AreaMonths.GetValueOrDefault(area) ?? []).Concat(AreaDays.GetValueOrDefault(area) ?? []);
}
