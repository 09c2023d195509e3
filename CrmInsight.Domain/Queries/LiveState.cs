using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Queries;

/// <summary>What the data-version tracker knows: the latest data version, when it was last
/// confirmed, and whether that is too long ago to call the data current.</summary>
public sealed record LiveState(DataVersionSnapshot Snapshot, DateTimeOffset? ConfirmedAt, bool IsStale, string? Problem)
{
    /// <summary>The areas that changed since the previous state (empty for a health-only change).</summary>
    public IReadOnlyList<string> ChangedAreas { get; init; } = [];

    /// <summary>Per changed area, the months the change was dated in (empty: every month).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DateOnly>> ChangedMonths { get; init; } = new Dictionary<string, IReadOnlyList<DateOnly>>();
}
