using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Queries;

/// <summary>What the data-version tracker knows: the latest data version, when it was last
/// confirmed, and whether that is too long ago to call the data current.</summary>
public sealed record LiveState(DataVersionSnapshot Snapshot, DateTimeOffset? ConfirmedAt, bool IsStale, string? Problem)
{
    /// <summary>The areas that changed since the previous state (empty for a health-only change).</summary>
    public IReadOnlyList<string> ChangedAreas { get; init; } = [];

    /// <summary>Per changed area, the dates the change starts on (a month's first day, or a day written by day; empty: every date).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DateOnly>> ChangedDates { get; init; } = new Dictionary<string, IReadOnlyList<DateOnly>>();
}
