using CrmInsight.Domain.Storage;

namespace CrmInsight.Web.Live;

/// <summary>What the change monitor knows: the latest data version, when it was last
/// confirmed, and whether that is too long ago to call the data current.</summary>
public sealed record LiveState(DataVersionSnapshot Snapshot, DateTimeOffset? ConfirmedAt, bool IsStale, string? Problem)
{
    /// <summary>The areas that changed since the previous state (empty for a health-only change).</summary>
    public IReadOnlyList<string> ChangedAreas { get; init; } = [];
}
