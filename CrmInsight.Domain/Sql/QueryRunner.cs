using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using CrmInsight.Domain.Storage;
using Dapper;

namespace CrmInsight.Domain.Sql;

/// <summary>
/// Runs catalog queries through Dapper on the configured database. Only the arguments a
/// query's text names are bound; a name the text uses but the arguments lack is a bug and throws.
/// </summary>
public sealed class QueryRunner(ICrmDatabase database, SqlCatalog catalog, QueryMetrics metrics)
{
    public SqlDialect Dialect => database.Dialect;

    public SqlQuery Prepare(string name) => catalog.Get(name, database.Dialect);

    public bool Has(string name) => catalog.Contains(name);

    public async Task<IReadOnlyList<SqlRow>> QueryRowsAsync(string name, SqlArgs args, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<dynamic>(name, args, cancellationToken);
        return [.. rows.Cast<IDictionary<string, object?>>().Select(r => new SqlRow(r))];
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string name, SqlArgs args, CancellationToken cancellationToken = default)
    {
        var query = Prepare(name);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var rows = await connection.QueryAsync<T>(Command(query, args, null, cancellationToken));
        metrics.Record(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return rows.AsList();
    }

    /// <summary>Rows as the database reader yields them, never all in memory (exports).</summary>
    public async IAsyncEnumerable<SqlRow> StreamRowsAsync(string name, SqlArgs args, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = Prepare(name);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var (text, parameters) = Render(query, args);
        await foreach (var row in connection.QueryUnbufferedAsync(text, parameters, commandTimeout: database.CommandTimeoutSeconds).WithCancellation(cancellationToken))
        {
            yield return new SqlRow((IDictionary<string, object?>)row);
        }
        metrics.Record(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Reads rows on a connection (and transaction) the caller owns: a writer's own reads.</summary>
    public async Task<IReadOnlyList<SqlRow>> QueryRowsAsync(string name, SqlArgs args, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        var query = Prepare(name);
        var started = Stopwatch.GetTimestamp();
        var rows = await connection.QueryAsync(Command(query, args, transaction, cancellationToken));
        metrics.Record(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return [.. rows.Cast<IDictionary<string, object?>>().Select(r => new SqlRow(r))];
    }

    /// <summary>Runs a statement on a connection (and transaction) the caller owns.</summary>
    public async Task<int> ExecuteAsync(string name, SqlArgs args, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        var query = Prepare(name);
        var started = Stopwatch.GetTimestamp();
        var affected = await connection.ExecuteAsync(Command(query, args, transaction, cancellationToken));
        metrics.Record(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return affected;
    }

    /// <summary>Every argument <paramref name="query"/> uses, bound (the SQL Server way; tests compare with it).</summary>
    internal static DynamicParameters Bind(SqlQuery query, SqlArgs args) => Split(query, args, _ => null).Parameters;

    /// <summary>
    /// The text and bound parameters <paramref name="query"/> runs with: on DuckDB the values
    /// <see cref="DuckDbLiterals"/> can write in are written into the text, the rest bound.
    /// </summary>
    internal static (string Text, DynamicParameters Parameters) Render(SqlQuery query, SqlArgs args)
    {
        var (parameters, literals) = Split(query, args, query.Dialect == SqlDialect.DuckDb ? DuckDbLiterals.For : _ => null);
        var text = literals.Count == 0
            ? query.Text
            : SqlScanner.InlineParameters(query.Text, SqlCatalog.MarkerFor(query.Dialect), name => literals.GetValueOrDefault(name));
        return (text, parameters);
    }

    /// <summary>
    /// The arguments <paramref name="query"/> uses, each either a literal (<paramref name="literalFor"/>
    /// gives its text) or bound; a name the text uses but the arguments lack is a bug and throws.
    /// </summary>
    private static (DynamicParameters Parameters, Dictionary<string, string> Literals) Split(SqlQuery query, SqlArgs args, Func<object?, string?> literalFor)
    {
        var parameters = new DynamicParameters();
        var literals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in query.Parameters)
        {
            if (!args.TryGet(name, out var value))
            {
                throw new InvalidOperationException($"Query '{query.Name}' uses @{name}, which was not supplied.");
            }
            if (literalFor(value) is { } literal)
            {
                literals[name] = literal;
            }
            else
            {
                parameters.Add(name, value);
            }
        }
        return (parameters, literals);
    }

    private CommandDefinition Command(SqlQuery query, SqlArgs args, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var (text, parameters) = Render(query, args);
        return new(text, parameters, transaction, database.CommandTimeoutSeconds, CommandType.Text, cancellationToken: cancellationToken);
    }
}
