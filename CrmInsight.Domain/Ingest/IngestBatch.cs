using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Ingest;

/// <summary>A validated request, ready to write: what to delete first (the earlier copies) and what to insert.</summary>
internal sealed class IngestBatch
{
    public List<SqlArgs> Deletes { get; } = [];

    public List<SqlArgs> NewCustomers { get; } = [];

    public List<SqlArgs> Rows { get; } = [];
}

/// <summary>A customer a batch refers to: known (id set) or about to be created by it.</summary>
internal sealed record CustomerRef(long CustomerId, int? RegionId, int? SegmentId, int? OwnerRepId);
