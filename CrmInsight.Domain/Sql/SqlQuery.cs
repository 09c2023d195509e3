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

    /// <summary>
    /// The line that marks a dated query whose rows are sums over the rows it scans in
    /// [<c>@date_from</c>, <c>@date_to</c>): one row per bucket (<c>@window_from</c> for the
    /// whole window), every other column a sum of per-row values that depend on the row and on
    /// the window's start <c>@window_from</c>, never on where the scan starts. Its rows over a
    /// window are the bucket-wise sums of its rows over two halves scanned with the same
    /// <c>@window_from</c>, so the cache can keep the half before today while a write
    /// dated today recomputes only the rest (<see cref="Queries.AdditiveSplit"/>).
    /// </summary>
    public const string AdditiveDirective = "--#additive";

    /// <summary>
    /// The line that marks a twin under <c>unfiltered/</c> that reads only agg_sale_day, under the
    /// filters its rows carry (sql/fragments/day_filters.sql): it answers as its namesake under any
    /// filter on region, segment, channel, category and team too (not rep or campaign), for the whole scope.
    /// </summary>
    public const string DayFiltersDirective = "--#day-filters";

    /// <summary>The twin says it answers under the filters agg_sale_day carries (see <see cref="DayFiltersDirective"/>).</summary>
    public bool AnswersDayFilters { get; init; } = Text.Contains(DayFiltersDirective, StringComparison.Ordinal);

    /// <summary>
    /// The line that marks a twin under <c>unfiltered/</c> that applies the customer filters itself
    /// (sql/fragments/customer_guard.sql): it answers as its namesake under any filter on the
    /// customer (region, segment, the owner's team and rep), with no campaign filter and for the whole scope.
    /// </summary>
    public const string CustomerFiltersDirective = "--#customer-filters";

    /// <summary>The twin says it answers under the customer filters (see <see cref="CustomerFiltersDirective"/>).</summary>
    public bool AnswersCustomerFilters { get; init; } = Text.Contains(CustomerFiltersDirective, StringComparison.Ordinal);

    /// <summary>The query says its rows add up over a split scan (see <see cref="AdditiveDirective"/>).</summary>
    public bool IsAdditive { get; init; } = Text.Contains(DatedDirective, StringComparison.Ordinal) && Text.Contains(AdditiveDirective, StringComparison.Ordinal)
        && Parameters.Contains("date_from") && Parameters.Contains("date_to") && Parameters.Contains("window_from");
}
