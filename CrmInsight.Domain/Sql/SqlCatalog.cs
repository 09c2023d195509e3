using System.Collections.Frozen;
using System.Reflection;

namespace CrmInsight.Domain.Sql;

/// <summary>
/// The hand-written SQL embedded in this assembly (the top-level <c>sql/</c> folder).
/// A query is named by its path under <c>sql/queries/</c> without extension
/// (<c>kpi/sales_summary</c>). A <c>name.duckdb.sql</c> or <c>name.sqlserver.sql</c> file
/// beside the shared <c>name.sql</c> replaces it for that engine.
/// A line <c>--#include name</c> stands for the lines of <c>sql/fragments/name.sql</c> (at the
/// line's indentation; fragments may include fragments): the filter predicates every query shares
/// are written once, so a new filter is added in one place. A fragment too may have an engine's own
/// <c>name.duckdb.sql</c> / <c>name.sqlserver.sql</c>. Texts here are always the expanded ones.
/// Beside the files, the fragments <c>table_sort/&lt;table&gt;</c> are generated from the tables'
/// sortable columns (<see cref="Tables.TableSortSql"/>), so those are declared once, in TableCatalog.
/// </summary>
public sealed class SqlCatalog
{
    private const string QueryPrefix = "sql/queries/";
    private const string FragmentPrefix = "sql/fragments/";
    private const string IncludeDirective = "--#include ";
    private static readonly Lazy<SqlCatalog> Embedded = new(() => FromAssembly(typeof(SqlCatalog).Assembly));

    private readonly FrozenDictionary<(string Name, SqlDialect Dialect), SqlQuery> _queries;
    private readonly FrozenDictionary<(string Name, SqlDialect Dialect), string> _sources;
    private readonly FrozenDictionary<SqlDialect, string> _schemas;

    private SqlCatalog(IReadOnlyDictionary<string, string> written)
    {
        var files = new Dictionary<string, string>(written, StringComparer.Ordinal);
        foreach (var (path, text) in Tables.TableSortSql.Fragments)
        {
            if (!files.TryAdd(path, text))
            {
                throw new InvalidOperationException($"{path} is generated from TableCatalog; remove the file.");
            }
        }
        var sources = new Dictionary<(string, SqlDialect), string>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var fragments = Enum.GetValues<SqlDialect>().ToDictionary(d => d, d => FragmentsFor(files, d));
        foreach (var (path, raw) in files.Where(f => f.Key.StartsWith(QueryPrefix, StringComparison.Ordinal)))
        {
            var (name, dialect) = ParseEnginePath(path[QueryPrefix.Length..]);
            names.Add(name);
            if (dialect is { } only)
            {
                sources[(name, only)] = Expand(raw, fragments[only], path);
            }
            else
            {
                foreach (var each in Enum.GetValues<SqlDialect>())
                {
                    sources.TryAdd((name, each), Expand(raw, fragments[each], path));
                }
            }
        }

        QueryNames = [.. names];
        _sources = sources.ToFrozenDictionary();
        _queries = sources.ToFrozenDictionary(
            kv => kv.Key,
            kv =>
            {
                var (rewritten, parameters) = SqlScanner.RewriteParameters(kv.Value, MarkerFor(kv.Key.Item2));
                return new SqlQuery(kv.Key.Item1, kv.Key.Item2, rewritten, parameters);
            });
        _schemas = Enum.GetValues<SqlDialect>()
            .Where(d => files.ContainsKey(SchemaPath(d)))
            .ToFrozenDictionary(d => d, d => files[SchemaPath(d)]);
    }

    /// <summary>The parameter marker of an engine's query texts: DuckDB.NET binds <c>$name</c> only.</summary>
    public static char MarkerFor(SqlDialect dialect) => dialect == SqlDialect.DuckDb ? '$' : '@';

    /// <summary>The catalog embedded in CrmInsight.Domain.</summary>
    public static SqlCatalog Default => Embedded.Value;

    /// <summary>Every query name, sorted.</summary>
    public IReadOnlyList<string> QueryNames { get; }

    /// <summary>The query prepared for <paramref name="dialect"/>.</summary>
    public SqlQuery Get(string name, SqlDialect dialect) =>
        _queries.TryGetValue((name, dialect), out var query)
            ? query
            : throw new KeyNotFoundException($"No SQL query named '{name}' for {dialect}.");

    /// <summary>The file text as written, before parameter rewriting.</summary>
    public string GetSource(string name, SqlDialect dialect) =>
        _sources.TryGetValue((name, dialect), out var text)
            ? text
            : throw new KeyNotFoundException($"No SQL query named '{name}' for {dialect}.");

    public bool Contains(string name) => _queries.ContainsKey((name, SqlDialect.DuckDb)) || _queries.ContainsKey((name, SqlDialect.SqlServer));

    /// <summary>The DDL script of an engine (<c>sql/schema/&lt;engine&gt;.sql</c>).</summary>
    public string GetSchema(SqlDialect dialect) =>
        _schemas.TryGetValue(dialect, out var text)
            ? text
            : throw new KeyNotFoundException($"No schema script for {dialect}.");

    internal static SqlCatalog FromFiles(IReadOnlyDictionary<string, string> files) => new(files);

    private static SqlCatalog FromAssembly(Assembly assembly)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // RecursiveDir uses the build machine's separator; names here always use '/'.
            var path = resource.Replace('\\', '/');
            if (!path.StartsWith("sql/", StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files[path] = reader.ReadToEnd();
        }
        return new SqlCatalog(files);
    }

    private static string SchemaPath(SqlDialect dialect) => $"sql/schema/{DialectSuffix(dialect)}.sql";

    private static string DialectSuffix(SqlDialect dialect) => dialect switch
    {
        SqlDialect.DuckDb => "duckdb",
        SqlDialect.SqlServer => "sqlserver",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>Replaces include lines by their fragments; a fragment may include others (not itself, at any depth).</summary>
    private static string Expand(string text, IReadOnlyDictionary<string, string> fragments, string path, int depth = 0)
    {
        if (!text.Contains(IncludeDirective, StringComparison.Ordinal))
        {
            return text;
        }
        if (depth > 8)
        {
            throw new InvalidOperationException($"{path}: fragments include each other in a circle.");
        }
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith(IncludeDirective, StringComparison.Ordinal))
            {
                lines.Add(line);
                continue;
            }
            var fragment = trimmed[IncludeDirective.Length..].Trim();
            if (!fragments.TryGetValue(fragment, out var body))
            {
                throw new InvalidOperationException($"{path} includes '{fragment}', but there is no {FragmentPrefix}{fragment}.sql.");
            }
            var indent = line[..(line.Length - trimmed.Length)];
            lines.AddRange(Expand(body, fragments, $"{FragmentPrefix}{fragment}.sql", depth + 1).TrimEnd().Split('\n').Select(l => indent + l.TrimEnd('\r')));
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The fragments an engine's texts are expanded with: each shared <c>name.sql</c>, replaced by
    /// <c>name.duckdb.sql</c> / <c>name.sqlserver.sql</c> where one exists — the way a query file is,
    /// so a rule one engine can say faster (an aggregate the other lacks) differs in one fragment.
    /// </summary>
    private static Dictionary<string, string> FragmentsFor(IReadOnlyDictionary<string, string> files, SqlDialect dialect)
    {
        var fragments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files.Where(f => f.Key.StartsWith(FragmentPrefix, StringComparison.Ordinal)))
        {
            var (name, only) = ParseEnginePath(path[FragmentPrefix.Length..]);
            if (only is null)
            {
                fragments.TryAdd(name, text);
            }
            else if (only == dialect)
            {
                fragments[name] = text;
            }
        }
        return fragments;
    }

    /// <summary>A query's or fragment's name and, for <c>name.duckdb.sql</c> / <c>name.sqlserver.sql</c>, its engine.</summary>
    private static (string Name, SqlDialect? Dialect) ParseEnginePath(string relative)
    {
        var withoutSql = relative[..^".sql".Length];
        foreach (var dialect in Enum.GetValues<SqlDialect>())
        {
            var suffix = "." + DialectSuffix(dialect);
            if (withoutSql.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (withoutSql[..^suffix.Length], dialect);
            }
        }
        return (withoutSql, null);
    }
}
