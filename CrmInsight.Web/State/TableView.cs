using CrmInsight.Domain.Tables;

namespace CrmInsight.Web.State;

/// <summary>
/// What a grid shows of its table: sorted by <paramref name="Sort"/> (a sortable column), which
/// page (<paramref name="Page"/> from 0; the URL counts from 1) of how many rows. Part of the
/// page's URL state (<see cref="DashboardUrls.WithTable"/>, <see cref="DashboardUrls.ReadTable"/>).
/// </summary>
public sealed record TableView(string Sort, bool Descending, int Page, int PageSize)
{
    /// <summary>The page sizes a grid offers; an address may only ask for one of these.</summary>
    public static IReadOnlyList<int> PageSizes { get; } = [10, 25, 50, 100];

    /// <summary>The table's own sort, first page, the grid's page size.</summary>
    public static TableView Default(TableDefinition table, int pageSize) => new(table.DefaultSort, table.DefaultDescending, 0, pageSize);
}
