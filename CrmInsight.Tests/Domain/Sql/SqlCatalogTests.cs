using CrmInsight.Domain.Sql;

namespace CrmInsight.Tests.Domain.Sql;

public sealed class SqlCatalogTests
{
    [Fact]
    public void Holds_the_embedded_queries_and_both_schemas()
    {
        var catalog = SqlCatalog.Default;

        Assert.Contains("kpi/sales_summary", catalog.QueryNames);
        Assert.Contains("CREATE TABLE IF NOT EXISTS fact_order", catalog.GetSchema(SqlDialect.DuckDb), StringComparison.Ordinal);
        Assert.Contains("CLUSTERED COLUMNSTORE", catalog.GetSchema(SqlDialect.SqlServer), StringComparison.Ordinal);
    }

    /// <summary>
    /// The catalog holds exactly the files under sql/queries (read from the checkout, not from the
    /// catalog), and each is one statement for each engine: a file left out of the embedded
    /// resources, or two statements run as one, fails here.
    /// </summary>
    [Fact]
    public void Holds_every_query_file_as_one_statement_per_engine()
    {
        var folder = Path.Combine(TestSupport.RepositoryPaths.Root, "sql", "queries");
        var onDisk = Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Select(f => f.EndsWith(".sqlserver.sql", StringComparison.Ordinal) ? f[..^".sqlserver.sql".Length]
                : f.EndsWith(".duckdb.sql", StringComparison.Ordinal) ? f[..^".duckdb.sql".Length]
                : f[..^".sql".Length])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(onDisk.Count > 50, $"the checkout's query files were found ({onDisk.Count})");
        Assert.Equal(onDisk, SqlCatalog.Default.QueryNames.Order(StringComparer.Ordinal));
        foreach (var name in onDisk)
        {
            foreach (var dialect in new[] { SqlDialect.DuckDb, SqlDialect.SqlServer })
            {
                var code = string.Join('\n', SqlCatalog.Default.GetSource(name, dialect).Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
                if (name == "ingest/reserve_ids" && dialect == SqlDialect.SqlServer)
                {
                    // The one batch: sp_sequence_get_range hands out a block only through OUTPUT
                    // variables, which must be declared; ScriptDom parses it like every text.
                    Assert.StartsWith("DECLARE", code, StringComparison.Ordinal);
                    continue;
                }
                Assert.Matches(@"^(SELECT|WITH|INSERT|UPDATE|DELETE)\b", code);
                Assert.False(code.TrimEnd(';').Contains(';', StringComparison.Ordinal), $"{name} ({dialect}) holds more than one statement");
            }
        }
    }

    [Fact]
    public void An_engine_file_overrides_the_shared_one_for_that_engine_only()
    {
        var catalog = SqlCatalog.FromFiles(new Dictionary<string, string>
        {
            ["sql/queries/a/q.sql"] = "SELECT @x AS shared",
            ["sql/queries/a/q.sqlserver.sql"] = "SELECT @x AS tsql",
        });

        Assert.Equal(["a/q"], catalog.QueryNames);
        Assert.Equal("SELECT $x AS shared", catalog.Get("a/q", SqlDialect.DuckDb).Text);
        Assert.Equal("SELECT @x AS tsql", catalog.Get("a/q", SqlDialect.SqlServer).Text);
    }

    [Fact]
    public void An_engine_fragment_replaces_the_shared_one_in_that_engines_texts_only()
    {
        var catalog = SqlCatalog.FromFiles(new Dictionary<string, string>
        {
            ["sql/fragments/f.duckdb.sql"] = "quantile_cont(v, 0.5)",
            ["sql/fragments/f.sql"] = "MAX(v)",
            ["sql/queries/q.sql"] = "SELECT\n  --#include f\nFROM t",
        });

        Assert.Equal(["q"], catalog.QueryNames);
        Assert.Equal("SELECT\n  quantile_cont(v, 0.5)\nFROM t", catalog.GetSource("q", SqlDialect.DuckDb));
        Assert.Equal("SELECT\n  MAX(v)\nFROM t", catalog.GetSource("q", SqlDialect.SqlServer));
    }

    [Fact]
    public void An_include_line_stands_for_the_fragment_at_its_indentation()
    {
        var catalog = SqlCatalog.FromFiles(new Dictionary<string, string>
        {
            ["sql/fragments/f.sql"] = "AND a = @a\nAND b = @b\n",
            ["sql/queries/q.sql"] = "SELECT 1\nWHERE 1 = 1\n    --#include f\nORDER BY 1",
        });

        Assert.Equal("SELECT 1\nWHERE 1 = 1\n    AND a = @a\n    AND b = @b\nORDER BY 1", catalog.GetSource("q", SqlDialect.SqlServer));
        Assert.Equal(["a", "b"], catalog.Get("q", SqlDialect.DuckDb).Parameters);
    }

    [Fact]
    public void An_include_of_a_missing_fragment_fails_loudly() =>
        Assert.Throws<InvalidOperationException>(() => SqlCatalog.FromFiles(new Dictionary<string, string>
        {
            ["sql/queries/q.sql"] = "SELECT 1\n--#include nowhere\n",
        }));

    [Fact]
    public void Duckdb_text_binds_dollar_parameters()
    {
        var query = SqlCatalog.Default.Get("kpi/sales_summary", SqlDialect.DuckDb);

        Assert.DoesNotContain("@date_from", query.Text, StringComparison.Ordinal);
        Assert.Contains("$date_from", query.Text, StringComparison.Ordinal);
        Assert.Contains("region_ids", query.Parameters);
    }

    [Fact]
    public void Avoids_syntax_that_only_one_engine_accepts_in_shared_files()
    {
        string[] forbidden = [" TOP ", " LIMIT ", "ISNULL(", "IIF(", "DATEADD(", "GETDATE(", "[", "NOLOCK", "CROSS APPLY"];
        foreach (var name in SqlCatalog.Default.QueryNames)
        {
            var duck = SqlCatalog.Default.GetSource(name, SqlDialect.DuckDb);
            var tsql = SqlCatalog.Default.GetSource(name, SqlDialect.SqlServer);
            if (duck != tsql)
            {
                continue; // engine-specific files may use their engine's syntax
            }
            var code = string.Join('\n', duck.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            foreach (var token in forbidden)
            {
                Assert.False(code.Contains(token, StringComparison.OrdinalIgnoreCase), $"{name} uses '{token.Trim()}'");
            }
        }
    }
}
