using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Sql;

/// <summary>
/// DuckDB gets dates, integers, booleans, lists of those and identifier words written into the
/// text; every other value stays bound, so nothing a user typed ever becomes SQL.
/// </summary>
public sealed class DuckDbLiteralsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<object, string> Written() => new()
    {
        { new DateOnly(2024, 3, 1), "DATE '2024-03-01'" },
        { 7, "7" },
        { -7, "(-7)" },
        { 7L, "CAST(7 AS BIGINT)" },
        { (short)7, "CAST(7 AS SMALLINT)" },
        { true, "TRUE" },
        { "lifetime_revenue", "'lifetime_revenue'" },
        { new List<int> { 1, 2 }, "(1, 2)" },
        { new[] { 3L, -4L }, "(3, (-4))" },
        { new[] { new DateOnly(2024, 3, 5) }, "(DATE '2024-03-05')" },
        { new List<int>(), "(SELECT NULL WHERE 1 = 0)" },
    };

    [Theory]
    [MemberData(nameof(Written))]
    public void Writes_in_values_that_cannot_carry_sql(object value, string literal) =>
        Assert.Equal(literal, DuckDbLiterals.For(value));

    public static TheoryData<object?> Bound() => new()
    {
        null,
        "O'Brien",
        "x' OR '1' = '1",
        "Name",
        "two words",
        "",
        "a\n",
        12.5m,
        new DateTime(2024, 3, 1, 9, 30, 0, DateTimeKind.Utc),
        new List<string> { "a", "b" },
    };

    [Theory]
    [MemberData(nameof(Bound))]
    public void Leaves_everything_else_bound(object? value) => Assert.Null(DuckDbLiterals.For(value));

    [Fact]
    public async Task A_statement_runs_with_the_written_in_and_the_bound_values_alike()
    {
        var query = new SqlQuery("test/render", SqlDialect.DuckDb,
            "SELECT $day AS day, $n AS n, $word AS word, $text AS text, 2 IN $ids AS listed, 2 IN $none AS in_none, 2 NOT IN $none AS not_in_none", ["day", "n", "word", "text", "ids", "none"]);
        var args = SqlArgs.Empty.With("day", new DateOnly(2024, 3, 1)).With("n", 5L).With("word", "revenue")
            .With("text", "x' OR '1' = '1").With("ids", new List<int> { 1, 2 }).With("none", new List<int>());

        var (text, parameters) = QueryRunner.Render(query, args);
        await using var connection = await _db.Database.OpenConnectionAsync();
        var row = new SqlRow((IDictionary<string, object?>)(await Dapper.SqlMapper.QueryAsync(connection, text, parameters)).Single());

        Assert.DoesNotContain("$day", text, StringComparison.Ordinal);
        Assert.Contains("$text", text, StringComparison.Ordinal); // bound, never spliced in
        Assert.Equal(["text"], parameters.ParameterNames);
        Assert.Equal(new DateOnly(2024, 3, 1), row.GetDate("day"));
        Assert.Equal(5L, row.GetInt64("n"));
        Assert.Equal("revenue", row.GetString("word"));
        Assert.Equal("x' OR '1' = '1", row.GetString("text"));
        Assert.Equal(true, row["listed"]);
        Assert.Equal(false, row["in_none"]);
        Assert.Equal(true, row["not_in_none"]);
    }
}
