using System.Text.RegularExpressions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Sql;

/// <summary>
/// What counts as a sale (docs/KPIS.md, conventions) is written once, in sql/fragments/sale.sql:
/// changing it is one edit. The catalog is rebuilt from the checkout's files with that fragment
/// replaced, and every query is read with its fragments expanded.
/// </summary>
public sealed partial class SaleRuleTests
{
    private const string SaleFragment = "sql/fragments/sale.sql";

    // A rule no shipped file spells, to see where the fragment lands.
    private const string ChangedRule = "AND o.status = 'completed' AND o.revenue >= 0.01";

    /// <summary>
    /// The queries over fact_order that must not narrow to sales: they list, look up, write or
    /// delete every order. (The pre-aggregates agg_first_sale and agg_sale_chain hold sales only:
    /// their inserts are among the queries checked here.)
    /// </summary>
    private static readonly HashSet<string> EveryOrder = new(StringComparer.Ordinal)
    {
        "customer/orders",            // a customer's orders, cancelled ones included (their status says so)
        "ingest/delete_orders",       // idempotent re-ingest: replaces orders whatever their status
        "ingest/insert_order",
        "ingest/orders_by_code",
        "ingest/owners",              // which team owns an order's rows, for the scope of a write
        "kpi/data_writes",            // data health: how many order rows there are and when they were written
    };

    [Fact]
    public void No_file_but_the_sale_fragment_spells_the_sale_condition()
    {
        var spelled = Files()
            .Where(f => !f.Key.StartsWith("sql/schema/", StringComparison.Ordinal))
            .Where(f => SaleCondition().IsMatch(Code(f.Value)))
            .Select(f => f.Key)
            .ToList();

        Assert.Equal([SaleFragment], spelled);
    }

    [Fact]
    public void Changing_the_sale_fragment_changes_every_query_that_reads_sales_and_nothing_else_spells_it()
    {
        var files = Files();
        files[SaleFragment] = ChangedRule + "\n";
        var changed = SqlCatalog.FromFiles(files);

        var readsOrders = changed.QueryNames
            .Where(n => Regex.IsMatch(Code(changed.GetSource(n, SqlDialect.DuckDb)), @"\bfact_order\b"))
            .ToList();
        Assert.True(readsOrders.Count > 30, $"queries over orders were found ({readsOrders.Count})");
        foreach (var name in changed.QueryNames)
        {
            foreach (var dialect in new[] { SqlDialect.DuckDb, SqlDialect.SqlServer })
            {
                var code = Code(changed.GetSource(name, dialect));
                Assert.False(SaleCondition().IsMatch(code), $"{name} ({dialect}) still spells the old sale rule");
                var usesRule = code.Contains(ChangedRule, StringComparison.Ordinal);
                var mustUse = readsOrders.Contains(name) && !EveryOrder.Contains(name);
                Assert.True(usesRule == mustUse, mustUse
                    ? $"{name} ({dialect}) reads orders but not through sql/fragments/sale.sql"
                    : $"{name} ({dialect}) includes the sale rule but is listed as reading every order");
            }
        }
    }

    /// <summary>
    /// The fragment decides: with "no order is a sale" in its place, kpi/sales_summary over the
    /// golden dataset has no revenue, orders or customers, while returns (every order, whatever
    /// its status) stay as the shipped catalog computes them.
    /// </summary>
    [Fact]
    public async Task The_fragment_is_what_the_database_runs()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(GoldenDataset.Sql);
        var files = Files();
        files[SaleFragment] = "AND 1 = 0\n";
        var noSales = new QueryRunner(db.Database, SqlCatalog.FromFiles(files), new QueryMetrics());
        var args = QueryArgs.For(DashboardFilter.Default, DataScope.All)
            .Window(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)))
            .Monthly(false);

        var shipped = Assert.Single(await db.Runner.QueryRowsAsync("kpi/sales_summary", args));
        var changed = Assert.Single(await noSales.QueryRowsAsync("kpi/sales_summary", args));

        Assert.True(shipped.GetDecimal("orders") > 0 && shipped.GetDecimal("returns_value") > 0, "the golden March has sales and returns");
        Assert.Equal((0m, 0m, 0m), (changed.GetDecimal("revenue"), changed.GetDecimal("orders"), changed.GetDecimal("active_customers")));
        Assert.Equal(shipped.GetDecimal("returns_value"), changed.GetDecimal("returns_value"));
    }

    /// <summary>Every file under sql/ in the checkout, keyed as the catalog names its resources.</summary>
    private static Dictionary<string, string> Files()
    {
        var root = RepositoryPaths.Root;
        return Directory.EnumerateFiles(Path.Combine(root, "sql"), "*.sql", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }

    /// <summary>The text without its comment lines (prose may say "not cancelled").</summary>
    private static string Code(string sql) =>
        string.Join('\n', sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));

    // The shipped rule in any spelling: a status compared with 'cancelled', or revenue compared with 0.
    [GeneratedRegex(@"status\s*(<>|!=|=|NOT\s+IN|IN)\s*\(?\s*'cancelled'|revenue\s*>\s*0\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaleCondition();
}
