using System.Collections.Concurrent;
using System.Data;
using CrmInsight.Domain.Sql;
using Dapper;
using DuckDB.NET.Data;

namespace CrmInsight.Domain.Import;

/// <summary>
/// The merge scripts in sql/import/ (embedded like the query catalog). They are DuckDB-only and
/// read the import's temporary staging tables, so they live outside the query catalog; the import
/// tests run every one of them.
/// </summary>
internal static class ImportScripts
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<SqlQuery>> Loaded = new();

    public static async Task RunAsync(string name, DuckDBConnection connection, IDbTransaction transaction, IReadOnlyDictionary<string, object?> args, int timeoutSeconds, CancellationToken cancellationToken)
    {
        foreach (var statement in Loaded.GetOrAdd(name, Load))
        {
            var parameters = new DynamicParameters();
            foreach (var parameter in statement.Parameters)
            {
                parameters.Add(parameter, args.TryGetValue(parameter, out var value)
                    ? value
                    : throw new InvalidOperationException($"Import script '{name}' uses @{parameter}, which was not supplied."));
            }
            await connection.ExecuteAsync(new CommandDefinition(statement.Text, parameters, transaction, timeoutSeconds, CommandType.Text, cancellationToken: cancellationToken));
        }
    }

    private static IReadOnlyList<SqlQuery> Load(string name)
    {
        var resource = $"sql/import/{name}.duckdb.sql";
        var assembly = typeof(ImportScripts).Assembly;
        var found = assembly.GetManifestResourceNames().FirstOrDefault(r => r.Replace('\\', '/') == resource)
            ?? throw new InvalidOperationException($"No import script {resource}.");
        using var stream = assembly.GetManifestResourceStream(found)!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return [.. SqlScanner.SplitStatements(text)
            .Select(s => SqlScanner.RewriteParameters(s, SqlCatalog.MarkerFor(SqlDialect.DuckDb)))
            .Select(r => new SqlQuery(name, SqlDialect.DuckDb, r.Text, r.Parameters))];
    }
}
