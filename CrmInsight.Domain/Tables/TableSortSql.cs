using System.Text;
using System.Text.RegularExpressions;

namespace CrmInsight.Domain.Tables;

/// <summary>
/// The ORDER BY lines of every table the database sorts, generated from its sortable columns in
/// <see cref="TableCatalog"/>: the fragment <c>table_sort/&lt;table name&gt;</c> that its query includes
/// (<c>--#include table_sort/top-customers</c>) before its tie-break column. Only the catalog's own
/// column names are written into SQL, each checked to be a plain identifier; the user's choice
/// travels as the <c>@sort</c> / <c>@descending</c> parameters. Undefined values (NULL) sort last
/// either way, on both engines (their default NULL orders differ).
/// </summary>
public static partial class TableSortSql
{
    public const string FragmentFolder = "table_sort";

    /// <summary>The generated fragments, as catalog files (<c>sql/fragments/table_sort/&lt;name&gt;.sql</c>).</summary>
    public static IReadOnlyDictionary<string, string> Fragments { get; } =
        TableCatalog.All.Where(t => !t.HasKpiColumns)
            .SelectMany(t => new[]
            {
                KeyValuePair.Create($"sql/fragments/{FragmentFolder}/{t.Name}.sql", OrderBy(t)),
                KeyValuePair.Create($"sql/fragments/{FragmentFolder}/{t.Name}{TextSuffix}.sql", SortsByText(t)),
                KeyValuePair.Create($"sql/fragments/{FragmentFolder}/{t.Name}{DefaultSuffix}.sql", SortsByDefault(t)),
            }.Concat(t.Columns.Where(c => c.Sortable).Select(c =>
                KeyValuePair.Create($"sql/fragments/{FragmentFolder}/{t.Name}{BySuffix}{c.Field}.sql", SortsBy(t, c.Field)))))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>The fragment <c>table_sort/&lt;table name&gt;-default</c>: <see cref="SortsByDefault"/>.</summary>
    public const string DefaultSuffix = "-default";

    /// <summary>The fragment <c>table_sort/&lt;table name&gt;-by-&lt;field&gt;</c>: <see cref="SortsBy"/>.</summary>
    public const string BySuffix = "-by-";

    /// <summary>
    /// A condition, true when the chosen sort is the table's default column in its default direction:
    /// a query may then choose its page from a pre-aggregate ordered that way.
    /// </summary>
    public static string SortsByDefault(TableDefinition table) =>
        "-- Generated from TableCatalog (" + table.Name + "): the sort is its default.\n" +
        $"(@sort = '{Identifier(table.DefaultSort)}' AND @descending = {(table.DefaultDescending ? 1 : 0)})\n";

    /// <summary>
    /// A condition, true when the chosen sort is <paramref name="field"/> (either direction): a query may
    /// then bound its candidates by that column before looking anything else up.
    /// </summary>
    public static string SortsBy(TableDefinition table, string field) =>
        table.Columns.Any(c => c.Sortable && c.Field == field)
            ? "-- Generated from TableCatalog (" + table.Name + "): the sort is " + field + ".\n" + $"(@sort = '{Identifier(field)}')\n"
            : throw new ArgumentException($"'{field}' is not a sortable column of {table.Name}.", nameof(field));

    /// <summary>The fragment <c>table_sort/&lt;table name&gt;-text</c>: <see cref="SortsByText"/>.</summary>
    public const string TextSuffix = "-text";

    /// <summary>
    /// A condition, true when the chosen sort is one of the table's text columns (a name): a query may
    /// then look its names up before choosing the page, and skip that lookup for every other sort.
    /// </summary>
    public static string SortsByText(TableDefinition table)
    {
        var text = table.Columns.Where(c => c.Sortable && c.Kind == ColumnKind.Text).Select(c => $"@sort = '{Identifier(c.Field)}'").ToList();
        return "-- Generated from TableCatalog (" + table.Name + "): the sort is one of its text columns.\n" +
               (text.Count == 0 ? "(1 = 0)" : "(" + string.Join(" OR ", text) + ")") + "\n";
    }

    /// <summary>The ORDER BY items for <paramref name="table"/>'s sortable columns, each line ending in a comma.</summary>
    public static string OrderBy(TableDefinition table)
    {
        var sorted = table.Columns.Where(c => c.Sortable).Select(c => (Key: Identifier(c.Field), Column: Identifier(c.SortBy ?? c.Field))).ToList();
        var text = new StringBuilder();
        if (sorted.Count == 0)
        {
            return "-- No sortable columns.\n";
        }
        text.Append("-- Generated from TableCatalog (").Append(table.Name).Append("): its sortable columns.\n");
        text.Append("CASE ");
        foreach (var (key, column) in sorted)
        {
            text.Append("WHEN @sort = '").Append(key).Append("' AND ").Append(column).Append(" IS NULL THEN 1 ");
        }
        text.Append("ELSE 0 END,\n");
        foreach (var (key, column) in sorted)
        {
            text.Append("CASE WHEN @sort = '").Append(key).Append("' AND @descending = 1 THEN ").Append(column).Append(" END DESC,\n");
            text.Append("CASE WHEN @sort = '").Append(key).Append("' AND @descending = 0 THEN ").Append(column).Append(" END,\n");
        }
        return text.ToString();
    }

    private static string Identifier(string name) =>
        PlainIdentifier().IsMatch(name) ? name : throw new InvalidOperationException($"'{name}' is not a plain SQL identifier.");

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex PlainIdentifier();
}
