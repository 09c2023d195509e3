using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Queries;

/// <summary>The version of the data that cached results are keyed by.</summary>
public interface IDataVersionSource
{
    ValueTask<long> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>The per-area versions behind <paramref name="version"/>, when this source has seen it.</summary>
    DataVersionSnapshot? SnapshotFor(long version);
}
