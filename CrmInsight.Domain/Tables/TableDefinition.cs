using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Tables;

public enum ColumnKind
{
    Text,
    Count,
    Money,
    Number,
    Fraction,
    Date,

    /// <summary>A 1/0 flag that something is missing: shown as a mark, exported as the number.</summary>
    Missing,
}

/// <summary>
/// A column a table query returns: its field, header, how to show it and whether it sorts.
/// <paramref name="Codes"/> names the codes of a coded text column (stages) on screen; exports keep the codes.
/// <paramref name="SortBy"/> is the query's column the database sorts it by, when not <paramref name="Field"/>
/// (a stage by its order). <paramref name="Kpi"/> makes it a KPI of the catalog, computed per row by the KPI's
/// own formula over the row's measures (<see cref="TableKpis"/>) instead of by the query.
/// </summary>
public sealed record TableColumn(
    string Field,
    ColumnKind Kind,
    bool Sortable = true,
    IReadOnlyDictionary<string, LocalizedText>? Codes = null,
    string? SortBy = null,
    string? Kpi = null)
{
    /// <summary>The table it belongs to (set by <see cref="TableDefinition"/>), which names its header.</summary>
    public string Table { get; init; } = "";

    /// <summary>The header (resource key <c>table.&lt;table&gt;.&lt;field&gt;</c>).</summary>
    public LocalizedText Header => new($"table.{Table}.{Field}");
}

/// <summary>
/// A paged, sortable table backed by one catalog query that takes <c>@sort</c>, <c>@descending</c>,
/// <c>@offset</c> and <c>@limit</c> and returns <c>total_rows</c>; its ORDER BY is generated from the
/// sortable columns here (<see cref="TableSortSql"/>), so they are declared once. A table with KPI
/// columns is small (one row per campaign): its query returns every row and the rows are sorted and
/// paged after the KPIs are computed. The same definition drives the grid on screen and the
/// CSV/XLSX export, so both show the same rows. Each table is a
/// <see cref="TableDefinition{TKey}"/>: its rows reach the grid typed (<see cref="TableRow{TKey}"/>).
/// </summary>
public abstract record TableDefinition(
    string Name,
    string Query,
    IReadOnlyList<TableColumn> Columns,
    string DefaultSort,
    bool DefaultDescending)
{
    public const int MaxPageSize = 500;

    public IReadOnlyList<TableColumn> Columns { get; init; } = [.. Columns.Select(c => c with { Table = Name })];

    /// <summary>The title (resource key <c>table.&lt;name&gt;.title</c>).</summary>
    public LocalizedText Title => new($"table.{Name}.title");

    /// <summary>A request with the sort column whitelisted and the page bounded.</summary>
    public TableRequest Request(string? sort, bool? descending, int page, int pageSize)
    {
        var known = Columns.FirstOrDefault(c => c.Sortable && string.Equals(c.Field, sort, StringComparison.OrdinalIgnoreCase));
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        return new TableRequest(
            known?.Field ?? DefaultSort,
            known is null ? DefaultDescending : descending ?? DefaultDescending,
            Math.Max(0, page) * size,
            size);
    }

    /// <summary>Every row, for export.</summary>
    public TableRequest All(string? sort, bool? descending) => Request(sort, descending, 0, 1) with { Offset = 0, Limit = int.MaxValue };

    public bool Sorts(string? field) => Columns.Any(c => c.Sortable && string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase));

    /// <summary>Some columns are KPIs computed after the query: the rows are sorted and paged in memory.</summary>
    public bool HasKpiColumns => Columns.Any(c => c.Kpi is not null);
}

public sealed record TableRequest(string Sort, bool Descending, int Offset, int Limit);

/// <summary>
/// A table whose rows are identified by a typed <typeparamref name="TKey"/> (what a click on the
/// row opens, and how the grid keeps a row across re-reads); <paramref name="Key"/> reads it from
/// the query's row, the only place the key columns are named.
/// </summary>
public sealed record TableDefinition<TKey>(
    string Name,
    string Query,
    IReadOnlyList<TableColumn> Columns,
    string DefaultSort,
    bool DefaultDescending,
    Func<SqlRow, TKey> Key) : TableDefinition(Name, Query, Columns, DefaultSort, DefaultDescending)
    where TKey : notnull
{
    /// <summary>The row as the grid shows it: its key and a typed cell per column, in column order.</summary>
    internal TableRow<TKey> Read(SqlRow row) => new(Key(row), [.. Columns.Select(c => TableCell.Read(row, c))]);
}
