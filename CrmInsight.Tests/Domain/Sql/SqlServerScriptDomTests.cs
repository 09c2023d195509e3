using System.Text.RegularExpressions;
using CrmInsight.Domain.Sql;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CrmInsight.Tests.Domain.Sql;

/// <summary>No SQL Server runs here, so every T-SQL text is at least parsed by Microsoft's own parser.</summary>
public sealed partial class SqlServerScriptDomTests
{
    public static TheoryData<string> QueryNames() => [.. SqlCatalog.Default.QueryNames];

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void Every_query_parses_as_tsql(string name)
    {
        // Dapper expands "IN @ids" to "IN (@ids1, @ids2)" before SQL Server sees it.
        var text = ListParameter().Replace(SqlCatalog.Default.GetSource(name, SqlDialect.SqlServer), "IN (@$1)");
        AssertParses(text, name);
    }

    [Fact]
    public void The_schema_parses_as_tsql() => AssertParses(SqlCatalog.Default.GetSchema(SqlDialect.SqlServer), "schema");

    [Fact]
    public void The_parser_catches_a_duckdb_only_construct() =>
        Assert.NotEmpty(Parse("SELECT a FROM t LIMIT 5"));

    private static void AssertParses(string text, string name)
    {
        var errors = Parse(text);
        Assert.True(errors.Count == 0, $"{name}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    private static IList<ParseError> Parse(string text)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        parser.Parse(reader, out var errors);
        return errors;
    }

    [GeneratedRegex(@"IN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListParameter();
}
