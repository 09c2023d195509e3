using System.Globalization;
using System.Text;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;
using Dapper;

namespace CrmInsight.Tests.Domain.Sql;

/// <summary>
/// kpi/retention_monthly on DuckDB counts a month's previous-active and retained customers from a
/// bit per month per customer (retention_month_counts.duckdb.sql); the shared text from distinct
/// (customer, month) pairs. On 40 customers buying on random days over eighteen months, some
/// orders cancelled, both give the same rows for windows of one and fifteen months, a previous
/// window starting mid-month or after the month before the first, a window longer than the 62
/// months a bit mask holds (the pairs' branch), and under a region filter.
/// </summary>
public sealed class RetentionMonthCountsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        var random = new Random(27_12);
        var sql = new StringBuilder();
        sql.Append("INSERT INTO dim_customer (customer_id, customer_code, name, region_id, segment_id, owner_rep_id, updated_at) VALUES ");
        sql.AppendJoin(", ", Enumerable.Range(201, 40).Select(id => $"({id}, 'M{id}', 'Monthly {id}', {1 + id % 2}, 1, 1, TIMESTAMP '2023-01-01 00:00:00')"));
        sql.Append(";\nINSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) VALUES ");
        for (var i = 0; i < 400; i++)
        {
            long customer = 201 + random.Next(40);
            var date = new DateOnly(2023, 1, 1).AddDays(random.Next(540));
            var status = random.Next(10) == 0 ? "cancelled" : "completed";
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                $"({20_000 + i}, 'MO{i}', {customer}, DATE '{date:yyyy-MM-dd}', 1, 1, {1 + customer % 2}, 1, 1, 1, NULL, 30.00, 10.00, 1, 0, '{status}')");
        }
        await _db.ExecuteAsync(sql.ToString());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, string, string, bool> Windows() => new()
    {
        // date_from, date_to, prev_from, one region
        { "2023-03-01", "2024-06-01", "2023-02-01", false },
        { "2023-03-01", "2024-06-01", "2023-02-01", true },
        { "2023-02-01", "2023-03-01", "2023-01-01", false },
        { "2023-05-01", "2023-09-01", "2023-04-15", false },
        { "2023-05-01", "2023-08-01", "2023-05-10", false },
        { "2019-01-01", "2024-06-01", "2018-12-01", false },
        { "2019-01-01", "2024-06-01", "2018-12-01", true },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task The_bits_count_what_the_pairs_count(string from, string to, string previousFrom, bool oneRegion)
    {
        var window = new DateRange(Date(from), Date(to));
        var args = QueryArgs.For(oneRegion ? DashboardFilter.Default with { Regions = IdSet.Of(1) } : DashboardFilter.Default, DataScope.All)
            .Window(window, new DateRange(window.From.AddMonths(-1), window.From)).With("prev_from", Date(previousFrom)).Monthly(true);
        const string Name = "kpi/retention_monthly";
        var (shared, parameters) = SqlScanner.RewriteParameters(SqlCatalog.Default.GetSource(Name, SqlDialect.SqlServer), '$');
        Assert.DoesNotContain("BIT_OR", shared, StringComparison.Ordinal);
        Assert.Contains("BIT_OR", _db.Runner.Prepare(Name).Text, StringComparison.Ordinal);
        await using var connection = await _db.Database.OpenConnectionAsync();
        var expected = (await connection.QueryAsync(new CommandDefinition(shared, QueryRunner.Bind(new SqlQuery(Name, SqlDialect.DuckDb, shared, parameters), args))))
            .Cast<IDictionary<string, object?>>().Select(r => new SqlRow(r)).ToList();

        var actual = await _db.Runner.QueryRowsAsync(Name, args);

        Assert.Equal(RowText.Of(expected), RowText.Of(actual));
        Assert.Contains(expected, r => r.GetInt64("retained") > 0);
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
