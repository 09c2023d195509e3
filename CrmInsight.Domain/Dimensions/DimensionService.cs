using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Dimensions;

/// <summary>Loads dimension members through the shared cache (one read per data version and scope).</summary>
public sealed class DimensionService(QueryCache cache, IDataVersionSource versions)
{
    public async Task<DimensionCatalog> GetCatalogAsync(DataScope scope, CancellationToken cancellationToken = default)
    {
        var version = await versions.GetCurrentAsync(cancellationToken);
        var args = QueryArgs.For(DashboardFilter.Default, scope);
        var rows = await cache.GetRowsAsync("dimensions/members", args, version, cancellationToken);
        return new DimensionCatalog(rows.Select(ToMember).OfType<DimensionMember>(), scoped: !scope.IsAll);
    }

    private static DimensionMember? ToMember(SqlRow row) =>
        DimensionKinds.FromUrlName(row.GetString("kind") ?? "") is { } kind
            ? new DimensionMember(kind, (int)row.GetInt64("id"), row.GetString("name") ?? "", row.GetDecimal("parent_id") is { } parent ? (int)parent : null)
            : null;
}
