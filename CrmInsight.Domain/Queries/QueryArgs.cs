using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// The standard parameters of the catalog queries, built from a filter and a scope:
/// <c>@{dimension}_all</c> (1 = no selection) with <c>@{dimension}_ids</c>,
/// <c>@scope_all</c> with <c>@scope_team_ids</c>, the window <c>@date_from</c>/<c>@date_to</c>
/// (exclusive) with its start <c>@window_from</c>, the previous window <c>@prev_from</c>/<c>@prev_to</c>, <c>@monthly</c> and <c>@today</c>.
/// </summary>
public static class QueryArgs
{
    public static SqlArgs For(DashboardFilter filter, DataScope scope)
    {
        var args = SqlArgs.Empty;
        foreach (var kind in DimensionKinds.All)
        {
            var members = filter.Members(kind);
            args = args
                .With($"{kind.UrlName()}_all", members.IsEmpty ? 1 : 0)
                .With($"{kind.UrlName()}_ids", members.ToList());
        }
        return args
            .With("scope_all", scope.IsAll ? 1 : 0)
            .With("scope_team_ids", scope.Teams?.ToList() ?? []);
    }

    /// <summary>
    /// The window P and its previous window; <c>@window_from</c> is P's start, which an additive
    /// query compares with even when the cache scans P in two parts (<see cref="AdditiveSplit"/>).
    /// </summary>
    public static SqlArgs Window(this SqlArgs args, DateRange period, DateRange previous) =>
        args.With("date_from", period.From)
            .With("window_from", period.From)
            .With("date_to", period.To)
            .With("prev_from", previous.From)
            .With("prev_to", previous.To);

    public static SqlArgs Monthly(this SqlArgs args, bool monthly) => args.With("monthly", monthly ? 1 : 0);

    /// <summary><c>@today</c>: the day "now" falls on, for what depends on it (the days of P gone by for pace and forecast).</summary>
    public static SqlArgs AsOf(this SqlArgs args, DateOnly today) => args.With("today", today);

    /// <summary>
    /// <c>@as_of</c> (UTC) and <c>@recent_from</c>, the 24 hours before it: the instant the
    /// data-health queries measure at and the window update_rate counts (KPIS.md §7).
    /// </summary>
    public static SqlArgs MeasuredAt(this SqlArgs args, DateTime asOfUtc) =>
        args.With("as_of", asOfUtc).With("recent_from", asOfUtc.AddHours(-24));

    /// <summary>
    /// The arguments with each dimension that <paramref name="parameters"/> (a query's text) does
    /// not read set to no selection: the query's rows cannot depend on it, so a filter on it must
    /// not keep the query from its unfiltered twin or split its cache entries (kpi/marketing reads
    /// the campaign filter only: under a region filter it is the default view's result). Only the
    /// dimensions; the scope is never touched. Arguments that do not carry a dimension keep it absent.
    /// </summary>
    public static SqlArgs WithoutUnreadDimensions(this SqlArgs args, IReadOnlyList<string> parameters)
    {
        foreach (var kind in DimensionKinds.All)
        {
            var all = $"{kind.UrlName()}_all";
            var ids = $"{kind.UrlName()}_ids";
            if (args.TryGet(all, out var value) && value is not 1 && !parameters.Contains(all) && !parameters.Contains(ids))
            {
                args = args.With(all, 1).With(ids, IdSet.Empty.ToList());
            }
        }
        return args;
    }

    /// <summary>
    /// No dimension is filtered and the scope is everything (<c>@{dimension}_all</c> and
    /// <c>@scope_all</c> all 1): what the queries under <c>unfiltered/</c> answer. Arguments that
    /// do not say (a query without the standard filters) are not unfiltered.
    /// </summary>
    public static bool IsUnfiltered(SqlArgs args) =>
        DimensionKinds.All.All(kind => IsOne(args, $"{kind.UrlName()}_all")) && IsOne(args, "scope_all");

    /// <summary>
    /// Whether the arguments filter only on dimensions agg_sale_day carries (region, segment,
    /// channel, category, team; any members), for the whole scope: what a twin marked
    /// <see cref="SqlQuery.DayFiltersDirective"/> answers.
    /// </summary>
    public static bool IsDayFiltered(SqlArgs args) => FiltersNone(args, "rep_all", "campaign_all");

    /// <summary>
    /// Whether the arguments filter only on the customer (region, segment, team, rep; any members),
    /// not on the sale's channel, category or campaign, for the whole scope: what a twin marked
    /// <see cref="SqlQuery.CustomerFiltersDirective"/> answers. (A query that does not read channel or
    /// category has them unfiltered here: <see cref="WithoutUnreadDimensions"/>.)
    /// </summary>
    public static bool IsCustomerFiltered(SqlArgs args) => FiltersNone(args, "channel_all", "category_all", "campaign_all");

    // The arguments say every dimension's filter, leave those named unfiltered and are for the whole scope.
    private static bool FiltersNone(SqlArgs args, params string[] unfiltered) =>
        unfiltered.All(name => IsOne(args, name)) && IsOne(args, "scope_all")
        && DimensionKinds.All.All(kind => args.TryGet($"{kind.UrlName()}_all", out _));

    /// <summary>The dimensions agg_member_chain carries a previous same-member sale for (queries/member/).</summary>
    public static IReadOnlyList<DimensionKind> MemberKinds { get; } = [DimensionKind.Region, DimensionKind.Segment, DimensionKind.Channel, DimensionKind.Category];

    /// <summary>
    /// Whether the arguments filter exactly one of <see cref="MemberKinds"/>, to exactly one member,
    /// and nothing else, for the whole scope: what the twins under queries/member/ answer.
    /// </summary>
    public static bool IsOneMember(SqlArgs args)
    {
        var filtered = DimensionKinds.All.Where(kind => !IsOne(args, $"{kind.UrlName()}_all")).ToList();
        return filtered is [var only]
            && MemberKinds.Contains(only)
            && args.TryGet($"{only.UrlName()}_ids", out var ids) && ids is System.Collections.ICollection { Count: 1 }
            && IsOne(args, "scope_all");
    }

    private static bool IsOne(SqlArgs args, string name) => args.TryGet(name, out var value) && value is 1;
}
