using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Sql;

/// <summary>
/// Every query file runs on DuckDB over the golden dataset, with and without filters: a read
/// returns the columns and kinds of <see cref="QueryShapes"/> (and its rows where they are worked
/// out there), an insert writes one row.
/// </summary>
public sealed class DuckDbQueryExecutionTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private static readonly long[] SomeCustomers = [1L, 2L];

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in SqlCatalog.Default.QueryNames)
        {
            data.Add(name, false);
            data.Add(name, true);
        }
        return data;
    }

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Runs_on_duckdb(string name, bool filtered)
    {
        var filter = filtered
            ? DashboardFilter.Default with { Regions = IdSet.Of(1, 2), Segments = IdSet.Of(2), Channels = IdSet.Of(1), Categories = IdSet.Of(1), Teams = IdSet.Of(1, 2), Reps = IdSet.Of(1, 3), Campaigns = IdSet.Of(1) }
            : DashboardFilter.Default;
        var scope = filtered ? DataScope.ForTeams(IdSet.Of(1, 2)) : DataScope.All;
        var args = QueryArgs.For(filter, scope)
            .Window(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)))
            .Monthly(filtered)
            .MeasuredAt(new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc))
            .With("grain", filtered ? "month" : "day")
            .With("dimension", filtered ? "category" : "region")
            .With("sort", filtered ? "name" : "revenue")
            .With("descending", filtered ? 0 : 1)
            .With("offset", filtered ? 10 : 0)
            .With("limit", 50)
            .With("level", filtered ? "customer" : "region")
            .With("customer_id", 1L)
            .With("ticket_by", filtered ? "channel" : "")
            .With("ticket_member", "email")
            .With("updated_at", new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc))
            .With("area", "fact_order")
            .With("month_start", new DateOnly(2024, 3, 1))
            .With("day", new DateOnly(2024, 3, 20))
            .With("all_customers", filtered ? 0 : 1)
            .With("customer_ids", filtered ? SomeCustomers : Array.Empty<long>())
            .With("from_date", new DateOnly(2024, 3, 1))
            .With("from_month", new DateOnly(2024, 3, 1))
            .With("all_days", filtered ? 0 : 1)
            .With("dates", filtered ? new[] { new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 20) } : Array.Empty<DateOnly>())
            .AsOf(new DateOnly(2024, 3, 20));
        var query = _db.Runner.Prepare(name);
        args = WithWriteArguments(query, args);
        if (name == "ingest/insert_customer")
        {
            args = args.With("customer_id", 999_999L); // a new key: dim_customer's primary key holds 1 already
        }
        var statement = string.Join('\n', query.Text.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).TrimStart();
        if (statement.StartsWith("WITH", StringComparison.OrdinalIgnoreCase) && System.Text.RegularExpressions.Regex.Match(statement, @"^\)?\s*INSERT\s+INTO\b", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } insert)
        {
            statement = statement[insert.Index..].TrimStart(')').TrimStart(); // an insert whose rows come from a CTE (WITH ... INSERT INTO ...)
        }

        if (statement.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) && name.StartsWith("aggregates/", StringComparison.Ordinal) && name != "aggregates/mark_built")
        {
            // A pre-aggregate's insert writes the rows its delete left missing: none here, as
            // nothing was deleted first; it must run and leave the aggregate as the facts say.
            await using var connection = await _db.Database.OpenConnectionAsync();
            Assert.InRange(await _db.Runner.ExecuteAsync(name, args, connection, null), 0, 1_000);
        }
        else if (statement.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
        {
            // Every insert writes one row (ingest rows, key records, an area's change record).
            await using var connection = await _db.Database.OpenConnectionAsync();
            Assert.Equal(1, await _db.Runner.ExecuteAsync(name, args, connection, null));
        }
        else if (statement.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || statement.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
        {
            // Updates and deletes by key: the golden data may or may not hold the key.
            await using var connection = await _db.Database.OpenConnectionAsync();
            Assert.InRange(await _db.Runner.ExecuteAsync(name, args, connection, null), 0, 1_000);
        }
        else
        {
            // The reader's own column types, so an empty result still shows its shape.
            var shape = QueryShapes.For(name) ?? throw new Xunit.Sdk.XunitException($"{name} has no shape in QueryShapes: add the columns its callers read");
            await using var connection = await _db.Database.OpenConnectionAsync();
            await using var reader = await Dapper.SqlMapper.ExecuteReaderAsync(connection, query.Text, QueryRunner.Bind(query, args));
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), KindOf(reader.GetFieldType(i)))).ToList();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
            }

            Assert.Equal(shape.Parsed, columns);
            if ((filtered ? shape.FilteredRows : shape.Rows) is { } expected)
            {
                Assert.Equal(expected, rows);
            }

            // What the runner sends DuckDB, the arguments it can write in written into the text
            // (DuckDbLiterals), returns the bound text's columns and rows (in any order: not every
            // query sorts).
            var (text, parameters) = QueryRunner.Render(query, args);
            await using var rendered = await Dapper.SqlMapper.ExecuteReaderAsync(connection, text, parameters);
            Assert.Equal(shape.Parsed, Enumerable.Range(0, rendered.FieldCount).Select(i => (rendered.GetName(i), KindOf(rendered.GetFieldType(i)))).ToList());
            await rendered.DisposeAsync();
            if (!query.Text.Contains("nextval(", StringComparison.OrdinalIgnoreCase)) // a sequence answers anew each time
            {
                var boundRows = await RowsAsync(connection, query.Text, QueryRunner.Bind(query, args));
                var renderedRows = await RowsAsync(connection, text, parameters);
                Assert.Equal(boundRows, renderedRows);
            }
        }
    }

    private static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection connection, string text, Dapper.DynamicParameters parameters) =>
        [.. RowText.Of((await Dapper.SqlMapper.QueryAsync(connection, text, parameters)).Cast<IDictionary<string, object?>>().Select(r => new SqlRow(r))).Order(StringComparer.Ordinal)];

    private static ColumnKind KindOf(Type type) => type switch
    {
        _ when type == typeof(string) => ColumnKind.Text,
        _ when type == typeof(DateOnly) => ColumnKind.Date,
        _ when type == typeof(DateTime) => ColumnKind.Timestamp,
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) || type == typeof(long) || type == typeof(int)
            || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) => ColumnKind.Number, // not BigInteger: a DuckDB HUGEINT means a SUM was not cast
        _ => throw new InvalidOperationException($"A column of type {type.Name}: callers read numbers, text, dates and timestamps."),
    };

    [Fact]
    public async Task A_missing_argument_is_named()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Runner.QueryRowsAsync("kpi/sales_summary", SqlArgs.Empty));
        Assert.Contains("@", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Write statements (ingest, keys) name their columns as parameters; they get a value of the
    /// column's type, judged by the name, so each one runs for real.
    /// </summary>
    private static SqlArgs WithWriteArguments(SqlQuery query, SqlArgs args)
    {
        foreach (var p in query.Parameters.Where(p => !args.TryGet(p, out _)))
        {
            object? value = p switch
            {
                "codes" => new[] { "SO000000001", "T-1" },
                "status" => "completed",
                "kind" => "api",
                "by" => "name",
                "stage" => "proposal",
                "touchpoint" => "service",
                "category" or "channel" or "name" or "key_hash" or "key_prefix" or "order_code" or "ticket_code" or "survey_code" or "opportunity_code" or "customer_code" => "x-" + p,
                _ when p.EndsWith("_at", StringComparison.Ordinal) => new DateTime(2024, 4, 2, 9, 30, 0, DateTimeKind.Unspecified),
                _ when p.EndsWith("_date", StringComparison.Ordinal) => new DateOnly(2024, 4, 2),
                "revenue" or "cost" or "returned_value" or "amount" => 12.5m,
                _ => 1,
            };
            args = args.With(p, value);
        }
        return args;
    }
}
