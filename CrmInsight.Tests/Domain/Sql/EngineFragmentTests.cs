using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;
using Dapper;

namespace CrmInsight.Tests.Domain.Sql;

/// <summary>
/// A fragment an engine says its own way (sql/fragments/name.duckdb.sql) must give the rows the
/// shared text gives: both texts run on DuckDB here, on the golden data plus tickets whose
/// durations make the percentiles interpolate. Every query whose DuckDB text differs from the
/// shared one without a query file of its own is listed, so a new engine fragment brings its case.
/// </summary>
public sealed class EngineFragmentTests : IAsyncLifetime
{
    private static readonly DateRange March = new(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
    private static readonly DateRange February = new(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1));

    // A member twin answers a filter on one member only; declared before Cases, which reads it.
    private static readonly (string Name, object Value)[] OneRegion = [("region_all", 0), ("region_ids", new List<int> { 1 })];

    // The queries and the arguments each is compared under (beyond the standard filter and window).
    private static readonly Dictionary<string, (string Name, object Value)[][]> Cases = new(StringComparer.Ordinal)
    {
        ["kpi/ticket_times"] = [[("monthly", 0)], [("monthly", 1)]],
        ["kpi/retention_monthly"] = [[("monthly", 1)]],
        ["kpi/top_customers"] = [[("monthly", 0)], [("monthly", 1)]],
        ["member/retention/churned"] = [[.. ChurnedPage("lifetime_revenue"), .. OneRegion], [.. ChurnedPage("name"), .. OneRegion]],
        ["satisfaction/by_dimension"] = [[]],
        ["unfiltered/kpi/ticket_times"] = [[("monthly", 0)], [("monthly", 1)]],
        ["unfiltered/kpi/top_customers"] = [[("monthly", 0)], [("monthly", 1)]],
        ["unfiltered/retention/churned"] = [ChurnedPage("lifetime_revenue"), ChurnedPage("name")],
        ["unfiltered/satisfaction/by_dimension"] = [[]],
    };

    private TestDatabase _db = null!;

    private static (string Name, object Value)[] ChurnedPage(string sort) =>
        [("sort", sort), ("descending", 1), ("offset", 0L), ("limit", 100L)];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        // March beside the golden T1 (response 1,800 s, resolved 86,400 s) and T2 (response 7,200 s):
        // responses 100, 200, 400 s; resolutions 1,000 and 3,000 s. Two on the web channel by agent 1.
        await _db.ExecuteAsync("""
            INSERT INTO fact_ticket (ticket_id, ticket_code, customer_id, category, channel, submitted_at, first_response_at, resolved_at, is_complaint, agent_id, wait_seconds, talk_seconds) VALUES
                (10, 'T10', 5, 'account', 'web', TIMESTAMP '2024-03-20 10:00:00', TIMESTAMP '2024-03-20 10:01:40', TIMESTAMP '2024-03-20 10:16:40', 0, 1, NULL, NULL),
                (11, 'T11', 5, 'account', 'web', TIMESTAMP '2024-03-21 10:00:00', TIMESTAMP '2024-03-21 10:03:20', TIMESTAMP '2024-03-21 10:50:00', 0, 1, NULL, NULL),
                (12, 'T12', 6, 'billing', 'email', TIMESTAMP '2024-03-22 10:00:00', TIMESTAMP '2024-03-22 10:06:40', NULL, 1, NULL, NULL, NULL);
            """);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void Every_query_an_engine_fragment_changes_has_a_case()
    {
        var ownFiles = typeof(SqlCatalog).Assembly.GetManifestResourceNames().Select(r => r.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var changed = SqlCatalog.Default.QueryNames
            .Where(n => !ownFiles.Contains($"sql/queries/{n}.duckdb.sql") && !ownFiles.Contains($"sql/queries/{n}.sqlserver.sql"))
            .Where(n => SqlCatalog.Default.GetSource(n, SqlDialect.DuckDb) != SqlCatalog.Default.GetSource(n, SqlDialect.SqlServer));

        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), changed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_duckdb_percentiles_are_the_shared_definitions_worked_by_hand()
    {
        var row = Assert.Single(await _db.Runner.QueryRowsAsync("kpi/ticket_times", Args([("monthly", 0)])));

        // Responses 100, 200, 400, 1,800, 7,200 s (n = 5): p50 at rank 1 + 0.5 × 4 = 3 → 400;
        // p90 at rank 1 + 0.9 × 4 = 4.6 → 1,800 + 0.6 × (7,200 − 1,800) = 5,040.
        Assert.Equal(5, row.GetDecimal("responded"));
        Assert.Equal(400m, row.GetDecimal("response_p50_seconds"));
        Assert.Equal(5040m, row.GetDecimal("response_p90_seconds"));
        // Resolutions 1,000, 3,000, 86,400 s (n = 3): p50 at rank 2 → 3,000;
        // p90 at rank 1 + 0.9 × 2 = 2.8 → 3,000 + 0.8 × (86,400 − 3,000) = 69,720.
        Assert.Equal(3, row.GetDecimal("resolved"));
        Assert.Equal(3000m, row.GetDecimal("resolution_p50_seconds"));
        Assert.Equal(69720m, row.GetDecimal("resolution_p90_seconds"));
    }

    public static TheoryData<string, int> CaseIndexes()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, cases) in Cases)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                data.Add(name, i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public async Task The_duckdb_text_returns_the_shared_texts_rows(string name, int caseIndex)
    {
        var args = Args(Cases[name][caseIndex]);
        var (shared, parameters) = SqlScanner.RewriteParameters(SqlCatalog.Default.GetSource(name, SqlDialect.SqlServer), '$');
        await using var connection = await _db.Database.OpenConnectionAsync();
        var expected = (await connection.QueryAsync(new CommandDefinition(shared, QueryRunner.Bind(new SqlQuery(name, SqlDialect.DuckDb, shared, parameters), args))))
            .Cast<IDictionary<string, object?>>().Select(r => new SqlRow(r)).ToList();

        var actual = await _db.Runner.QueryRowsAsync(name, args);

        Assert.NotEmpty(expected);
        Assert.Equal(RowText.Of(expected), RowText.Of(actual));
    }

    private static SqlArgs Args(IEnumerable<(string Name, object Value)> extra) =>
        extra.Aggregate(QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(March, February).Monthly(false), (args, e) => args.With(e.Name, e.Value));
}
