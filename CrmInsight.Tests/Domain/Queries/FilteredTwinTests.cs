using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Queries;

/// <summary>
/// The twins that answer under a filter return exactly the rows of their namesake then (that is
/// when QueryCache picks them), for the windows of <see cref="UnfilteredTwinTests.Windows"/>
/// (adjacent, a year-earlier gap, one day, monthly, overlapping), on the golden data plus sales
/// that move between members: every query under member/ for each one-member filter of region,
/// segment, channel or category, and every unfiltered/ twin marked --#day-filters for filters on
/// the dimensions agg_sale_day carries. With any other filter or scope the cache does not pick
/// them and their text answers nothing (fails closed).
/// </summary>
public sealed class FilteredTwinTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public static TheoryData<string> Twins() =>
        [.. SqlCatalog.Default.QueryNames.Where(n => n.StartsWith(QueryCache.MemberPrefix, StringComparison.Ordinal))];

    public static TheoryData<string> DayFilterTwins() => [.. DayFilterTwinNames()];

    public static TheoryData<string> CustomerFilterTwins() => [.. CustomerFilterTwinNames()];

    private static IEnumerable<string> DayFilterTwinNames() => UnfilteredTwinsWhere(q => q.AnswersDayFilters);

    private static IEnumerable<string> CustomerFilterTwinNames() => UnfilteredTwinsWhere(q => q.AnswersCustomerFilters);

    private static IEnumerable<string> UnfilteredTwinsWhere(Func<SqlQuery, bool> marked) =>
        SqlCatalog.Default.QueryNames.Where(n => n.StartsWith(QueryCache.UnfilteredPrefix, StringComparison.Ordinal) && marked(SqlCatalog.Default.Get(n, SqlDialect.DuckDb)));

    /// <summary>The arguments of a table's page as TableService adds them, largest first.</summary>
    private static SqlArgs Paged(SqlArgs args, string sort, int offset = 0, int limit = 1000) =>
        args.With("sort", sort).With("descending", 1).With("offset", offset).With("limit", limit);

    /// <summary>Filters on the customer: one member, two of one dimension, two dimensions, the owner's team, the owner.</summary>
    private static readonly DashboardFilter[] CustomerFilters =
    [
        DashboardFilter.Default with { Regions = IdSet.Of(1) },
        DashboardFilter.Default with { Regions = IdSet.Of(1, 2) },
        DashboardFilter.Default with { Segments = IdSet.Of(2), Regions = IdSet.Of(1) },
        DashboardFilter.Default with { Segments = IdSet.Of(1) },
        DashboardFilter.Default with { Teams = IdSet.Of(1) },
        DashboardFilter.Default with { Reps = IdSet.Of(2) },
    ];

    /// <summary>A table's page as TableService asks for it, under each sort the customer-filter twins order by, and a page of two after the first row.</summary>
    private static readonly (string Sort, int Offset, int Limit)[] Pages =
        [("revenue", 0, 1000), ("name", 0, 1000), ("first_touch", 0, 1000), ("revenue", 1, 2), ("name", 1, 2), ("first_touch", 1, 2)];

    /// <summary>Filters on the dimensions agg_sale_day carries: one member, two of one dimension, two dimensions, the team.</summary>
    private static readonly DashboardFilter[] DayFilters =
    [
        DashboardFilter.Default with { Regions = IdSet.Of(1) },
        DashboardFilter.Default with { Regions = IdSet.Of(1, 2) },
        DashboardFilter.Default with { Channels = IdSet.Of(2), Categories = IdSet.Of(1) },
        DashboardFilter.Default with { Segments = IdSet.Of(2), Regions = IdSet.Of(1) },
        DashboardFilter.Default with { Teams = IdSet.Of(1) },
    ];

    [Fact]
    public void The_sales_sums_of_the_overview_and_contribution_answer_day_filters()
    {
        Assert.Superset(new HashSet<string> { "unfiltered/overview/revenue_trend", "unfiltered/overview/revenue_by_region", "unfiltered/kpi/contribution", "unfiltered/contribution/by_dimension_revenue" },
            DayFilterTwinNames().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(DayFilterTwins))]
    public async Task A_day_filter_twin_returns_its_namesakes_rows_under_those_filters(string twin)
    {
        var original = twin[QueryCache.UnfilteredPrefix.Length..];
        var parameters = _db.Runner.Prepare(twin).Parameters;
        string[] grains = parameters.Contains("grain") ? ["day", "month"] : ["month"];
        string[] dimensions = parameters.Contains("dimension") ? ["region", "segment", "channel", "category"] : ["region"];
        var rows = 0;
        foreach (var filter in DayFilters)
        {
            foreach (var ((period, previous, monthly), grain, dimension) in UnfilteredTwinTests.Windows.SelectMany(w => grains.SelectMany(g => dimensions.Select(d => (w, g, d)))))
            {
                var args = QueryArgs.For(filter, DataScope.All).Window(period, previous).Monthly(monthly).With("grain", grain).With("dimension", dimension);
                Assert.Equal(twin, _db.Cache.ChooseQuery(original, args));
                var expected = RowText.Of(await _db.Runner.QueryRowsAsync(original, args));
                Assert.Equal(expected, RowText.Of(await _db.Runner.QueryRowsAsync(twin, args)));
                rows += expected.Count;
            }
        }
        Assert.True(rows >= DayFilters.Length * UnfilteredTwinTests.Windows.Length, $"the filters and windows gave rows to compare ({rows})");
    }

    [Theory]
    [MemberData(nameof(DayFilterTwins))]
    public async Task A_day_filter_twin_is_not_picked_and_answers_nothing_for_rep_campaign_or_a_scope(string twin)
    {
        var original = twin[QueryCache.UnfilteredPrefix.Length..];
        var (period, previous, monthly) = UnfilteredTwinTests.Windows[0];
        SqlArgs Args(DashboardFilter filter, DataScope scope) => QueryArgs.For(filter, scope).Window(period, previous).Monthly(monthly).With("grain", "day").With("dimension", "region");
        var north = DashboardFilter.Default with { Regions = IdSet.Of(1) };
        foreach (var args in new[] { Args(north with { Reps = IdSet.Of(1) }, DataScope.All), Args(north with { Campaigns = IdSet.Of(1) }, DataScope.All),
                     Args(north, DataScope.ForTeams(IdSet.Of(1))), Args(DashboardFilter.Default, DataScope.Nothing) })
        {
            Assert.Equal(original, _db.Cache.ChooseQuery(original, args));
            Assert.Empty(await _db.Runner.QueryRowsAsync(twin, args));
        }
    }

    [Fact]
    public void The_campaign_customers_answer_customer_filters()
    {
        Assert.Contains("unfiltered/marketing/campaign_customers", CustomerFilterTwinNames());
    }

    [Theory]
    [MemberData(nameof(CustomerFilterTwins))]
    public async Task A_customer_filter_twin_returns_its_namesakes_rows_under_those_filters(string twin)
    {
        var original = twin[QueryCache.UnfilteredPrefix.Length..];
        var rows = 0;
        var filtersWithRows = new HashSet<int>();
        for (var f = 0; f < CustomerFilters.Length; f++)
        {
            foreach (var ((period, previous, monthly), page) in UnfilteredTwinTests.Windows.SelectMany(w => Pages.Select(p => (w, p))))
            {
                var args = Paged(QueryArgs.For(CustomerFilters[f], DataScope.All).Window(period, previous).Monthly(monthly), page.Sort, page.Offset, page.Limit);
                Assert.Equal(twin, _db.Cache.ChooseQuery(original, args));
                var expected = RowText.Of(await _db.Runner.QueryRowsAsync(original, args));
                Assert.Equal(expected, RowText.Of(await _db.Runner.QueryRowsAsync(twin, args)));
                rows += expected.Count;
                if (expected.Count > 0)
                {
                    filtersWithRows.Add(f);
                }
            }
        }
        // Every filter leaves someone in some window, so none passes by comparing two empty answers.
        Assert.Equal(CustomerFilters.Length, filtersWithRows.Count);
        Assert.True(rows >= CustomerFilters.Length * 2, $"the filters and windows gave rows to compare ({rows})");
    }

    [Theory]
    [MemberData(nameof(CustomerFilterTwins))]
    public async Task A_customer_filter_twin_is_not_picked_and_answers_nothing_for_a_sale_filter_or_a_scope(string twin)
    {
        var original = twin[QueryCache.UnfilteredPrefix.Length..];
        var (period, previous, monthly) = UnfilteredTwinTests.Windows[0];
        SqlArgs Args(DashboardFilter filter, DataScope scope) => Paged(QueryArgs.For(filter, scope).Window(period, previous).Monthly(monthly), "revenue");
        var north = DashboardFilter.Default with { Regions = IdSet.Of(1) };
        foreach (var args in new[] { Args(north with { Campaigns = IdSet.Of(1) }, DataScope.All), Args(north with { Channels = IdSet.Of(1) }, DataScope.All),
                     Args(north with { Categories = IdSet.Of(1) }, DataScope.All), Args(north, DataScope.ForTeams(IdSet.Of(1))), Args(DashboardFilter.Default, DataScope.Nothing) })
        {
            Assert.Equal(original, _db.Cache.ChooseQuery(original, args));
            Assert.Empty(await _db.Runner.QueryRowsAsync(twin, args));
        }
    }

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        // Customers who buy one member again and switch to another (each sale's region, channel and
        // category; the segment is the customer's): C1 North twice in March (a repeat under North, two
        // channels and categories) and South once; C4 three times on one day (the second-previous
        // same-member sale on the same day); C2 North in February (the previous window of March) and
        // South in March, North again backdated into December; C3 South in March 2023 (the year-earlier
        // window) and March 2024; C5 North on March 31st and April 1st (across March's end); C6 in
        // no region, channel or category (a sale of no member); C5 South on February 1st (the first day of
        // March's comparison month: retained in March) and in March; C6 North in 2022, in the gap between
        // March 2023 and March 2024 and in March 2024 (won back after a year-earlier comparison, through the gap).
        string[][] orders = [
            ["M1", "C1", "2024-03-02", "North", "Online", "Gadgets"], ["M2", "C1", "2024-03-09", "North", "Store", "Books"], ["M3", "C1", "2024-03-15", "South", "Online", "Books"],
            ["M4", "C4", "2024-03-20", "North", "Online", "Gadgets"], ["M5", "C4", "2024-03-20", "North", "Online", "Gadgets"], ["M6", "C4", "2024-03-20", "North", "Online", "Gadgets"],
            ["M7", "C2", "2024-02-28", "North", "Store", "Gadgets"], ["M8", "C2", "2024-03-03", "South", "Store", "Gadgets"], ["M9", "C2", "2023-12-10", "North", "Online", "Books"],
            ["M10", "C3", "2023-03-05", "South", "Store", "Gadgets"], ["M11", "C3", "2024-03-07", "South", "Store", "Gadgets"],
            ["M12", "C5", "2024-03-31", "North", "Online", "Books"], ["M13", "C5", "2024-04-01", "North", "Online", "Books"],
            ["M14", "C6", "2024-03-21", "", "", ""],
            ["M15", "C5", "2024-02-01", "South", "Store", "Books"], ["M16", "C5", "2024-03-05", "South", "Store", "Books"],
            ["M17", "C6", "2022-06-01", "North", "Online", "Gadgets"], ["M18", "C6", "2023-08-01", "North", "Online", "Gadgets"], ["M19", "C6", "2024-03-25", "North", "Online", "Gadgets"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Orders, [.. orders.Select((o, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["id"] = o[0], ["customer"] = o[1], ["date"] = o[2], ["revenue"] = "25.00",
            ["region"] = o[3].Length > 0 ? o[3] : null, ["channel"] = o[4].Length > 0 ? o[4] : null, ["category"] = o[5].Length > 0 ? o[5] : null,
        }))]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static IEnumerable<DashboardFilter> OneMemberFilters() =>
        QueryArgs.MemberKinds.SelectMany(kind => Enumerable.Range(1, 2).Select(id => DashboardFilter.Default.WithMembers(kind, IdSet.Of(id))));

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task A_twin_returns_its_namesakes_rows_for_each_member_and_window(string twin)
    {
        var original = twin[QueryCache.MemberPrefix.Length..];
        // Each customer count of the twin is non-zero somewhere: repeat and retained customers included.
        string[] customerColumns = ["active_customers", "repeat_customers", "previous_active", "retained", "lapsed_customers", "won_back", "customers", "lifetime_orders", "new_revenue", "returning_revenue"];
        var nonZero = new HashSet<string>(StringComparer.Ordinal);
        var counts = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        // A paged list (the churned customers) is compared under each of its sorts, and cut to a page of two after the first row.
        (string Sort, int Offset, int Limit)[] pages = _db.Runner.Prepare(twin).Parameters.Contains("sort")
            ? [("lifetime_revenue", 0, 1000), ("last_order", 0, 1000), ("name", 0, 1000), ("last_csat", 0, 1000), ("lifetime_revenue", 1, 2), ("name", 1, 2)]
            : [("revenue", 0, 1000)];
        foreach (var filter in OneMemberFilters())
        {
            foreach (var ((period, previous, monthly), page) in UnfilteredTwinTests.Windows.SelectMany(w => pages.Select(p => (w, p))))
            {
                var args = Paged(QueryArgs.For(filter, DataScope.All).Window(period, previous).Monthly(monthly), page.Sort, page.Offset, page.Limit);
                Assert.Equal(twin, _db.Cache.ChooseQuery(original, args));
                var expected = await _db.Runner.QueryRowsAsync(original, args);
                Assert.Equal(RowText.Of(expected), RowText.Of(await _db.Runner.QueryRowsAsync(twin, args)));
                nonZero.UnionWith(expected.SelectMany(r => r.Columns.Where(c => customerColumns.Contains(c) && SqlRow.ToDecimal(r[c]) is > 0)));
                counts.UnionWith(expected.SelectMany(r => r.Columns.Where(customerColumns.Contains)));
                rows += expected.Count;
            }
        }
        // A churned list holds the few customers who lapsed from a member (C2 from North in March, ...).
        Assert.True(rows >= (pages.Length > 1 ? 8 : 16), $"the members and windows gave rows to compare ({rows})");
        Assert.NotEmpty(counts);
        Assert.Equal(counts.Order(StringComparer.Ordinal), nonZero.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task A_twin_is_not_picked_and_answers_nothing_for_other_filters_or_scopes(string twin)
    {
        var original = twin[QueryCache.MemberPrefix.Length..];
        var (period, previous, monthly) = UnfilteredTwinTests.Windows[0];
        SqlArgs Args(DashboardFilter filter, DataScope scope) => Paged(QueryArgs.For(filter, scope).Window(period, previous).Monthly(monthly), "lifetime_revenue");
        var north = DashboardFilter.Default with { Regions = IdSet.Of(1) };
        var others = new[]
        {
            // Two members of one dimension: a customer of both would count twice.
            Args(DashboardFilter.Default with { Regions = IdSet.Of(1, 2) }, DataScope.All),
            // Two dimensions, or one the member chain does not carry.
            Args(north with { Channels = IdSet.Of(1) }, DataScope.All),
            Args(DashboardFilter.Default with { Teams = IdSet.Of(1) }, DataScope.All),
            Args(north with { Campaigns = IdSet.Of(1) }, DataScope.All),
            // Any scope but everything.
            Args(north, DataScope.ForTeams(IdSet.Of(1))),
            Args(north, DataScope.Nothing),
        };
        foreach (var args in others)
        {
            Assert.Equal(original, _db.Cache.ChooseQuery(original, args));
        }
        // Run anyway, the text answers nothing where its guard can tell (all but the count of members).
        foreach (var args in others.Skip(1))
        {
            Assert.Empty(await _db.Runner.QueryRowsAsync(twin, args));
        }
        // Nothing filtered is the unfiltered twin's.
        Assert.NotEqual(twin, _db.Cache.ChooseQuery(original, Args(DashboardFilter.Default, DataScope.All)));
        Assert.Empty(await _db.Runner.QueryRowsAsync(twin, Args(DashboardFilter.Default, DataScope.All)));
    }
}
