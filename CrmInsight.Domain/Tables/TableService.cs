using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Tables;

/// <summary>
/// Reads tables for a filter and scope: pages through the shared cache (the database sorts and
/// pages), exports straight from the database reader without holding the rows. A table with KPI
/// columns (one row per campaign) is read whole, its KPIs computed by the catalog, then sorted and paged.
/// </summary>
public sealed class TableService(QueryCache cache, QueryRunner runner, PeriodResolver periods, IDataVersionSource versions, KpiCatalog kpis)
{
    /// <summary>One page of typed rows (the grid's view of the table).</summary>
    public async Task<TablePage<TKey>> GetPageAsync<TKey>(
        TableDefinition<TKey> table, DashboardFilter filter, DataScope scope, TableRequest request, SqlArgs? extra = null, CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        var page = await ReadPageAsync(table, filter, scope, request, extra, cancellationToken);
        return new TablePage<TKey>([.. page.Rows.Select(table.Read)], page.Total);
    }

    /// <summary>One page of the query's rows as they come (through the shared cache).</summary>
    internal async Task<SqlTablePage> ReadPageAsync(
        TableDefinition table, DashboardFilter filter, DataScope scope, TableRequest request, SqlArgs? extra = null, CancellationToken cancellationToken = default)
    {
        var version = await versions.GetCurrentAsync(cancellationToken);
        var rows = await cache.GetRowsAsync(table.Query, Arguments(filter, scope, request, extra), version, cancellationToken);
        if (table.HasKpiColumns)
        {
            var sorted = TableKpis.Sort(table, TableKpis.Compute(table, rows, kpis, scope), request);
            return new SqlTablePage([.. sorted.Skip(request.Offset).Take(request.Limit)], sorted.Count);
        }
        return new SqlTablePage(rows, rows.Count > 0 ? rows[0].GetInt64("total_rows") : 0);
    }

    public IAsyncEnumerable<SqlRow> StreamAsync(
        TableDefinition table, DashboardFilter filter, DataScope scope, TableRequest request, SqlArgs? extra = null, CancellationToken cancellationToken = default) =>
        table.HasKpiColumns
            ? KpiRowsAsync(table, filter, scope, request, extra, cancellationToken)
            : runner.StreamRowsAsync(table.Query, Arguments(filter, scope, request, extra), cancellationToken);

    private async IAsyncEnumerable<SqlRow> KpiRowsAsync(
        TableDefinition table, DashboardFilter filter, DataScope scope, TableRequest request, SqlArgs? extra, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await ReadPageAsync(table, filter, scope, request, extra, cancellationToken);
        foreach (var row in page.Rows)
        {
            yield return row;
        }
    }

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
