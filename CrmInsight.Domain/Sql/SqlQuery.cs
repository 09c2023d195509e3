namespace CrmInsight.Domain.Sql;

/// <summary>
/// A query ready for one engine: its text with parameter markers rewritten for that engine,
/// the parameter names the text uses (lower-case, without marker) and the data areas
/// (tables) it reads, which decide which writes make its cached results stale.
/// </summary>
public sealed record SqlQuery(string Name, SqlDialect Dialect, string Text, IReadOnlyList<string> Parameters)
{
    /// <summary>
    /// The line that marks a query reading only rows dated before <c>@date_to</c> (in every
    /// area it reads): its cached results survive writes dated on or after that day.
    /// </summary>
    public const string DatedDirective = "--#dated";

    public IReadOnlyList<string> Areas { get; init; } = DataAreas.ReadBy(Text);

    /// <summary>The query says it reads only rows dated before <c>@date_to</c> (see <see cref="DatedDirective"/>).</summary>
    public bool IsDated { get; init; } = Text.Contains(DatedDirective, StringComparison.Ordinal) && Parameters.Contains("date_to");
}
