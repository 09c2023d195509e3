using DuckDB.NET.Data;

namespace CrmInsight.Domain.Import;

/// <summary>
/// One import kind's rules: the staging table its valid lines are appended to, how a line is
/// read (or rejected, with a reason), and the script that merges the staged lines into the star
/// schema (sql/import/&lt;name&gt;.duckdb.sql).
/// </summary>
internal abstract class ImportTarget
{
    public abstract string StagingTable { get; }

    public abstract string StagingColumns { get; }

    public abstract string MergeScript { get; }

    /// <summary>Appends the record's row to <paramref name="appender"/> (none: only checks it, for the preview), or returns why the line is rejected.</summary>
    public abstract Rejection? Stage(string[] record, long line, ResolvedMapping map, ValueParser parser, DuckDBAppender? appender);

    /// <summary>Arguments of the merge script beyond <c>now</c>.</summary>
    public virtual IReadOnlyDictionary<string, object?> MergeArguments(ColumnMapping mapping) => new Dictionary<string, object?>();

    public static ImportTarget For(ImportKind kind) => kind switch
    {
        ImportKind.OrderLines => new OrderLineTarget(),
        ImportKind.Customers => new CustomerTarget(),
        ImportKind.Tickets => new TicketTarget(),
        _ => new SurveyTarget(),
    };

    protected static Rejection Missing(string field) => new($"{field} is missing", null);

    protected static Rejection Bad(string what, string value) => new(what, value);
}

internal readonly record struct Rejection(string Reason, string? Value);
