using CrmInsight.Domain.Sql;

namespace CrmInsight.Tests.Domain.Sql;

public sealed class SqlScannerTests
{
    [Fact]
    public void Rewrites_parameters_in_code_and_lists_them_once()
    {
        var (text, names) = SqlScanner.RewriteParameters("SELECT * FROM t WHERE a = @date_from AND b IN @ids OR a < @Date_From", '$');

        Assert.Equal("SELECT * FROM t WHERE a = $date_from AND b IN $ids OR a < $Date_From", text);
        Assert.Equal(["date_from", "ids"], names);
    }

    [Theory]
    [InlineData("SELECT '@not_a_param' AS x", "SELECT '@not_a_param' AS x")]
    [InlineData("SELECT 'it''s @x' AS x", "SELECT 'it''s @x' AS x")]
    [InlineData("SELECT \"@col\" FROM t", "SELECT \"@col\" FROM t")]
    [InlineData("SELECT 1 -- @comment\n, @real", "SELECT 1 -- @comment\n, $real")]
    [InlineData("SELECT /* @block \n @x */ @y", "SELECT /* @block \n @x */ $y")]
    [InlineData("SELECT @@ROWCOUNT, user@host", "SELECT @@ROWCOUNT, user@host")]
    public void Leaves_literals_comments_and_non_parameters_alone(string sql, string expected)
    {
        var (text, _) = SqlScanner.RewriteParameters(sql, '$');
        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_comment_holding_a_marker_adds_no_parameter()
    {
        var (_, names) = SqlScanner.RewriteParameters("-- uses @nothing\nSELECT '@neither'", '$');
        Assert.Empty(names);
    }

    [Fact]
    public void Keeps_the_marker_for_sql_server()
    {
        var (text, names) = SqlScanner.RewriteParameters("SELECT @a", '@');
        Assert.Equal("SELECT @a", text);
        Assert.Equal(["a"], names);
    }

    [Fact]
    public void Splits_statements_outside_literals_and_comments()
    {
        var statements = SqlScanner.SplitStatements("SELECT ';'; -- a; comment\nSELECT 2;\n/* ; */ ;  ");

        Assert.Equal(["SELECT ';'", "-- a; comment\nSELECT 2"], statements);
    }

    [Fact]
    public void Writes_in_only_the_parameters_given_a_text_and_only_outside_literals_and_comments()
    {
        var text = SqlScanner.InlineParameters(
            "SELECT $a, $ab, $B, '$a', \"$a\" -- $a\n/* $a */ FROM t WHERE x = $c AND y$a",
            '$', name => name switch { "a" => "1", "b" => "DATE '2024-03-01'", _ => null });

        Assert.Equal("SELECT 1, $ab, DATE '2024-03-01', '$a', \"$a\" -- $a\n/* $a */ FROM t WHERE x = $c AND y$a", text);
    }
}
