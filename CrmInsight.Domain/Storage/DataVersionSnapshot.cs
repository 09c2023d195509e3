namespace CrmInsight.Domain.Storage;

/// <summary>
/// The data version at one moment: the global counter and, per data area, the version at
/// which it last changed. <see cref="VersionFor"/> is what a cached result of a query
/// reading those areas is keyed by.
/// </summary>
public sealed record DataVersionSnapshot(long Version, IReadOnlyDictionary<string, long> AreaVersions, DateTimeOffset ReadAt)
{
    public static DataVersionSnapshot Initial(DateTimeOffset at) => new(0, new Dictionary<string, long>(), at);

    /// <summary>The version at which any of <paramref name="areas"/> (or everything) last changed.</summary>
    public long VersionFor(IReadOnlyList<string> areas)
    {
        // A bump that recorded no area (an older writer) must invalidate everything.
        if (areas.Count == 0 || AreaVersions.Count == 0 || Version > AreaVersions.Values.Max())
        {
            return Version;
        }
        var version = AreaVersions.GetValueOrDefault(Sql.DataAreas.All);
        foreach (var area in areas)
        {
            version = Math.Max(version, AreaVersions.GetValueOrDefault(area));
        }
        return version;
    }

    /// <summary>The areas whose version differs from <paramref name="earlier"/> ('*' when everything changed).</summary>
    public IReadOnlyList<string> ChangedSince(DataVersionSnapshot earlier) =>
        [.. AreaVersions.Where(kv => earlier.AreaVersions.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
}
