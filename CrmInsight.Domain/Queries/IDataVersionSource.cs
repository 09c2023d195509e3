using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// The version of the data a request reads. A service reads it once and hands the snapshot to
/// every query it runs (<see cref="QueryCache.GetRowsAsync"/>), so one page shows one version
/// and each query is keyed by the areas and months it reads.
/// </summary>
public interface IDataVersionSource
{
    ValueTask<DataVersionSnapshot> GetCurrentAsync(CancellationToken cancellationToken = default);
}
