using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Tables;

/// <summary>
/// A table's sortable columns are declared once, in TableCatalog: the ORDER BY of its query is
/// generated from them (sql/fragments/table_sort/&lt;table&gt;), and the database sorts by each.
/// </summary>
public sealed class TableSortSqlTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>A query's text followed by the fragments it includes, theirs too (a shared page fragment holds the ORDER BY).</summary>
    private static string WithFragments(string folder, string text)
    {
        var included = System.Text.RegularExpressions.Regex.Matches(text, @"--#include (\S+)")
            .Select(m => Path.Combine(folder, "fragments", m.Groups[1].Value + ".sql"))
            .Where(File.Exists)
            .Select(f => WithFragments(folder, File.ReadAllText(f)));
        return string.Join("\n", [text, .. included]);
    }

    [Fact]
    public void Every_table_the_database_sorts_includes_the_order_generated_for_it_and_no_query_writes_its_own()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "sql");
        foreach (var table in TableCatalog.All)
        {
            var text = WithFragments(folder, File.ReadAllText(Path.Combine(folder, "queries", table.Query + ".sql")));
            var includes = text.Contains($"--#include table_sort/{table.Name}\n", StringComparison.Ordinal);
            // A table with KPI columns is sorted after its KPIs are computed, not by its query.
            Assert.True(includes != table.HasKpiColumns, $"{table.Query} and the sort of table '{table.Name}'");
        }
        var spelled = Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @"@sort\b")))
            .Select(f => Path.GetRelativePath(folder, f))
            .ToList();
        Assert.Empty(spelled);
    }

    [Fact]
    public void Only_plain_identifiers_are_written_into_the_order()
    {
        var bad = TableCatalog.TopCustomers with
        {
            Columns = [new("name; DROP TABLE fact_order", ColumnKind.Text)],
        };

        Assert.Throws<InvalidOperationException>(() => TableSortSql.OrderBy(bad));
    }

    /// <summary>
    /// The generated conditions hold for exactly their sort, on the database: <c>-by-&lt;field&gt;</c> for
    /// that column either way, <c>-default</c> for the default column in the default direction only.
    /// </summary>
    [Fact]
    public async Task The_sort_conditions_hold_for_their_sort_only()
    {
        foreach (var table in TableCatalog.All.Where(t => !t.HasKpiColumns))
        {
            var sortable = table.Columns.Where(c => c.Sortable).Select(c => c.Field).ToList();
            foreach (var sort in sortable)
            {
                foreach (var descending in new[] { false, true })
                {
                    async Task<bool> Holds(string suffix)
                    {
                        var condition = TableSortSql.Fragments[$"sql/fragments/{TableSortSql.FragmentFolder}/{table.Name}{suffix}.sql"];
                        var sql = condition.Replace("@sort", $"'{sort}'", StringComparison.Ordinal).Replace("@descending", descending ? "1" : "0", StringComparison.Ordinal);
                        return await _db.ScalarAsync<bool>("SELECT " + string.Join("\n", sql.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))));
                    }

                    foreach (var field in sortable)
                    {
                        Assert.Equal(field == sort, await Holds(TableSortSql.BySuffix + field));
                    }
                    Assert.Equal(sort == table.DefaultSort && descending == table.DefaultDescending, await Holds(TableSortSql.DefaultSuffix));
                }
            }
        }
        Assert.Throws<ArgumentException>(() => TableSortSql.SortsBy(TableCatalog.TopCustomers, "no_such_column"));
    }

    /// <summary>
    /// Every sortable column of the top customers and of the drill's customer level orders the golden
    /// March both ways: the values of the column along the page are monotonic, undefined ones last.
    /// </summary>
    [Theory]
    [InlineData("top-customers")]
    [InlineData("drill")]
    public async Task Each_sortable_column_orders_the_rows_both_ways(string name)
    {
        var table = TableCatalog.Find(name)!;
        var extra = SqlArgs.Empty.With("level", "customer");
        foreach (var column in table.Columns.Where(c => c.Sortable))
        {
            foreach (var descending in new[] { false, true })
            {
                var page = await _db.Tables.ReadPageAsync(table, March, DataScope.All, table.Request(column.Field, descending, 0, 100), extra);
                Assert.True(page.Rows.Count >= 3, $"{name} has rows to sort ({page.Rows.Count})");
                var values = page.Rows.Select(r => r[column.SortBy ?? column.Field]).ToList();
                var defined = values.TakeWhile(v => v is not null).ToList();
                Assert.All(values.Skip(defined.Count), v => Assert.Null(v));
                var expected = descending ? defined.OrderDescending(Comparer.Instance) : defined.Order(Comparer.Instance);
                Assert.True(expected.SequenceEqual(defined), $"{name} by {column.Field} {(descending ? "desc" : "asc")}: {string.Join(", ", defined)}");
            }
        }
    }

    /// <summary>Strings ordinally (as DuckDB compares them), everything else by its own order.</summary>
    private sealed class Comparer : IComparer<object?>
    {
        public static readonly Comparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (IComparable a, _) when x.GetType() == y?.GetType() => a.CompareTo(y),
            _ => decimal.Compare(SqlRow.ToDecimal(x) ?? 0, SqlRow.ToDecimal(y) ?? 0),
        };
    }
}
