namespace CrmInsight.Domain.Sql;

/// <summary>
/// A query ready for one engine: its text with parameter markers rewritten for that engine,
/// and the parameter names the text uses (lower-case, without marker).
/// </summary>
public sealed record SqlQuery(string Name, SqlDialect Dialect, string Text, IReadOnlyList<string> Parameters);
