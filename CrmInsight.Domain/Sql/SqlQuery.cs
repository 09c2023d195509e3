namespace CrmInsight.Domain.Sql;

/// <summary>
/// A query ready for one engine: its text with parameter markers rewritten for that engine,
/// the parameter names the text uses (lower-case, without marker) and the data areas
/// (tables) it reads, which decide which writes make its cached results stale.
/// </summary>
public sealed record SqlQuery(string Name, SqlDialect Dialect, string Text, IReadOnlyList<string> Parameters)
{
    public IReadOnlyList<string> Areas { get; init; } = DataAreas.ReadBy(Text);
}
