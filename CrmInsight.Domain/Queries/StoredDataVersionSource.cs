using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// Reads the data version on every request: two tiny queries, always current. For tools and
/// tests without the web host's change monitor, which reads it once per interval instead.
/// </summary>
public sealed class StoredDataVersionSource(DataVersionStore store) : IDataVersionSource
{
    private DataVersionSnapshot? _latest;

    public async ValueTask<long> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await store.ReadSnapshotAsync(cancellationToken);
        _latest = snapshot;
        return snapshot.Version;
    }

    public DataVersionSnapshot? SnapshotFor(long version) => _latest is { } latest && latest.Version == version ? latest : null;
}
