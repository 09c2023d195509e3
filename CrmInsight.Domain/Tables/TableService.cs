using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Tables;

/// <summary>
/// Reads tables for a filter and scope: pages through the shared cache (the database sorts and
/// pages), exports straight from the database reader without holding the rows.
/// </summary>
public sealed class TableService(QueryCache cache, QueryRunner runner, PeriodResolver periods, IDataVersionSource versions)
{
    public async Task<TablePage> GetPageAsync(
        TableDefinition table, DashboardFilter filter, DataScope scope, TableRequest request, SqlArgs? extra = null, CancellationToken cancellationToken = default)
    {
        var version = await versions.GetCurrentAsync(cancellationToken);
        var rows = await cache.GetRowsAsync(table.Query, Arguments(filter, scope, request, extra), version, cancellationToken);
        return new TablePage(rows, rows.Count > 0 ? rows[0].GetInt64("total_rows") : 0);
    }

    public IAsyncEnumerable<SqlRow> StreamAsync(
        TableDefinition table, DashboardFilter filter, DataScope scope, TableRequest request, SqlArgs? extra = null, CancellationToken cancellationToken = default) =>
        runner.StreamRowsAsync(table.Query, Arguments(filter, scope, request, extra), cancellationToken);

    private SqlArgs Arguments(DashboardFilter filter, DataScope scope, TableRequest request, SqlArgs? extra)
    {
        var resolved = periods.Resolve(filter);
        return QueryArgs.For(filter, scope)
            .Window(resolved.Period, resolved.Comparison)
            .Monthly(false)
            .AsOf(periods.Today)
            .With("sort", request.Sort)
            .With("descending", request.Descending ? 1 : 0)
            .With("offset", request.Offset)
            .With("limit", request.Limit)
            .WithAll(extra ?? SqlArgs.Empty);
    }
}
