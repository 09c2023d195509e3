namespace CrmInsight.Domain.Queries;

/// <summary>The version of the data that cached results are keyed by.</summary>
public interface IDataVersionSource
{
    ValueTask<long> GetCurrentAsync(CancellationToken cancellationToken = default);
}
