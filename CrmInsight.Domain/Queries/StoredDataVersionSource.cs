using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Queries;

/// <summary>Reads the data-version row on every request: one tiny query, always current.</summary>
public sealed class StoredDataVersionSource(DataVersionStore store) : IDataVersionSource
{
    public async ValueTask<long> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        await store.ReadAsync(cancellationToken);
}
