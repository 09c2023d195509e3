using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// One KPI of KPIS.md: what it is called, how it is computed (a catalog query that returns
/// its measures, and a formula over them), and which filters apply to it.
/// </summary>
public sealed record KpiDefinition
{
    public required string Id { get; init; }

    /// <summary>The KPI's name (resource key <c>kpi.&lt;id&gt;.name</c>).</summary>
    public LocalizedText Name => new($"kpi.{Id}.name");

    public required KpiArea Area { get; init; }

    public required KpiUnit Unit { get; init; }

    public required KpiDirection Direction { get; init; }

    /// <summary>The formula as KPIS.md states it (resource key <c>kpi.&lt;id&gt;.formula</c>).</summary>
    public LocalizedText Formula => new($"kpi.{Id}.formula");

    /// <summary>The catalog query returning this KPI's measures, one row per bucket.</summary>
    public required string Query { get; init; }

    /// <summary>
    /// Further queries whose measures the formula reads beside <see cref="Query"/>'s (pipeline
    /// coverage reads the pipeline and the quota). Measure names are unique across them.
    /// </summary>
    public IReadOnlyList<string> ExtraQueries { get; init; } = [];

    /// <summary><see cref="Query"/> and then <see cref="ExtraQueries"/>.</summary>
    public IReadOnlyList<string> Queries => [Query, .. ExtraQueries];

    /// <summary>
    /// The query a KPI report reads for its period P instead of <see cref="Query"/> (the same measures in
    /// its first row), when the page showing the report runs that query over P anyway: the Contribution
    /// page's ranking gives top20_share's measures, so P costs no second ranking, while the comparison
    /// window (and every other window) reads the cheaper <see cref="Query"/>, which returns only them.
    /// </summary>
    public string? CurrentQuery { get; init; }

    /// <summary>The query giving one row per calendar month, when it is not <see cref="Query"/> with <c>@monthly = 1</c>.</summary>
    public string? MonthlyQuery { get; init; }

    /// <summary>The dimension filters that narrow this KPI; any other active filter is reported as ignored.</summary>
    public required IReadOnlySet<DimensionKind> Filters { get; init; }

    /// <summary>The formula reads the window before the computed one (growth KPIs).</summary>
    public bool UsesPreviousWindow { get; init; }

    public KpiWindow Window { get; init; } = KpiWindow.Period;

    /// <summary>
    /// A value as of now rather than of P (the open pipeline: stages are not historised): it has
    /// no comparison value and no monthly series, and the tile says "now".
    /// </summary>
    public bool Snapshot { get; init; }

    /// <summary>false when a month on its own says nothing (annual estimates, win-back): no sparkline.</summary>
    public bool HasMonthlySeries { get; init; } = true;

    /// <summary>
    /// Reads an input no team owns (campaign spend): for a team scope the query gives none, the
    /// value is undefined and the tile says why (docs/KPIS.md, Ownership).
    /// </summary>
    public bool CompanyWideInput { get; init; }

    public required Func<MeasureContext, decimal?> Compute { get; init; }

    /// <summary>
    /// The value for <paramref name="scope"/>: <see cref="Compute"/>, except that a company-wide input
    /// (spend) is not a team's, so the KPI is undefined for a team scope, never 0.
    /// </summary>
    public decimal? ValueFor(MeasureContext measures, Security.DataScope scope) => IsUndefinedFor(scope) ? null : Compute(measures);

    public bool IsUndefinedFor(Security.DataScope scope) => CompanyWideInput && !scope.IsAll;

    /// <summary>
    /// The value moves with the clock as well as with the data (freshness: the time since the
    /// newest write), so alert rules on it are also evaluated as time passes.
    /// </summary>
    public bool ReadsClock { get; init; }

    public ChangeKind ChangeKind => Unit is KpiUnit.Fraction or KpiUnit.Score ? ChangeKind.Points : ChangeKind.Relative;

    /// <summary>The active filters of <paramref name="filter"/> this KPI does not apply.</summary>
    public IReadOnlyList<DimensionKind> IgnoredFilters(DashboardFilter filter) =>
        [.. filter.ActiveDimensions.Where(d => !Filters.Contains(d))];
}
