using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Queries;

/// <summary>
/// Every query under unfiltered/ returns exactly the rows of its namesake when nothing is
/// filtered (that is when QueryCache picks it), for windows of every shape: a month against the
/// month before, a period against the same period a year earlier (a gap between them), one day,
/// and monthly buckets; on the golden data plus backdated and same-day repeat orders. And with
/// any filter or scope the twin answers nothing (fails closed).
/// </summary>
public sealed class UnfilteredTwinTests : IAsyncLifetime
{
    internal static readonly (DateRange Period, DateRange Previous, bool Monthly)[] Windows =
    [
        (new(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)), false),
        (new(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 16)), new(new DateOnly(2023, 3, 1), new DateOnly(2023, 4, 16)), false),
        (new(new DateOnly(2024, 3, 20), new DateOnly(2024, 3, 21)), new(new DateOnly(2024, 3, 19), new DateOnly(2024, 3, 20)), false),
        (new(new DateOnly(2023, 12, 1), new DateOnly(2024, 4, 16)), new(new DateOnly(2023, 11, 1), new DateOnly(2023, 12, 1)), true),
        // Overlapping: a period longer than the offset of its comparison (a custom range).
        (new(new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 16)), new(new DateOnly(2023, 12, 1), new DateOnly(2024, 3, 1)), false),
    ];

    /// <summary>What TableService adds for a table's query (a twin of one pages as its namesake): by revenue, largest first, ties by key; every ticket.</summary>
    private static readonly SqlArgs TablePage = SqlArgs.Empty.With("sort", "revenue").With("descending", 1).With("offset", 0).With("limit", 1000)
        .With("ticket_by", "").With("ticket_member", "");

    private TestDatabase _db = null!;

    public static TheoryData<string> Twins() =>
        [.. SqlCatalog.Default.QueryNames.Where(n => n.StartsWith(QueryCache.UnfilteredPrefix, StringComparison.Ordinal))];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        // Depth for the chain: C1 buys twice on one day and once backdated into December, C2 again in April;
        // C6 (whose golden order is for 0) buys in March and November 2023 only: a customer lapsed
        // before the year-earlier and the monthly windows. Won back across the year-earlier gap: C5
        // and C2 bought before March 2023 and in the gap (C2's sale of 2024-02-10), C4 before and in
        // the comparison period (not lapsed). C2's one sale of March (600.00) outranks C1's three and
        // C3's two by March's revenue, but not by its sales after the first: a ranking that dropped a
        // customer's first sale in the window would order the touched customers otherwise. Four
        // new customers churn in March (February's sales only): C9 (90.00 and 15.00 in October),
        // C8 (80.00), C7 (70.00), C10 (60.00) by lifetime revenue; C10, C9, C8, C7 by last sale. A page
        // of two after the first leaves one of them beyond the page, which the total still counts.
        string[][] orders = [["T1", "C1", "2024-03-20"], ["T2", "C1", "2024-03-20"], ["T3", "C1", "2023-12-05"], ["T4", "C2", "2024-04-02"], ["T5", "C4", "2024-03-12"],
            ["T6", "C6", "2023-03-10"], ["T7", "C6", "2023-11-20"], ["T8", "C5", "2022-12-01"], ["T9", "C5", "2023-08-01"], ["T10", "C2", "2022-05-05"],
            ["T11", "C4", "2022-06-01"], ["T12", "C4", "2023-04-01"], ["T13", "C2", "2024-03-08", "600.00"],
            ["T14", "C7", "2024-02-06", "70.00"], ["T15", "C8", "2024-02-07", "80.00"], ["T16", "C9", "2024-02-08", "90.00"], ["T17", "C9", "2023-10-01", "15.00"],
            ["T18", "C10", "2024-02-09", "60.00"],
            // For complaints: C11's one sale on March 1st (a bucket's first day), C12's in February and March.
            ["T19", "C11", "2024-03-01", "10.00"], ["T20", "C12", "2024-02-20", "20.00"], ["T21", "C12", "2024-03-07", "30.00"],
            // The top-customers page under its default sort (contribution/customers' twin sums only the
            // customers whose lifetime revenue at their last sale in the window reaches the K-th largest
            // last-sale revenue, K = offset + limit). March: C4 935 (last sale 510), C2 600 (600), C13 500
            // (500, a new customer's only sale: lifetime 500), C1 450 (25); the page of two after the first
            // is C2, C13 and the floor is 500 = C13's lifetime: a floor compared with ">" drops C13, one that
            // leaves out the rows before the page (K = limit: 510) drops C13, and both put C1 there. March to
            // mid-April: C2's April sale makes their last 25, the floor is C5's 80, and a floor compared with
            // last-sale revenue instead of lifetime drops C2 and C1. C4's sale on 2024-02-01 is on the first
            // day of March's comparison month (a window's customers counted from its first day on); C1's
            // of 2024-04-01 is on March's end, so C1's last sale of March is the one whose next is on it.
            ["T22", "C13", "2024-03-12", "500.00"], ["T23", "C4", "2024-03-26", "510.00"], ["T24", "C4", "2024-02-01"],
            ["T25", "C1", "2024-04-01"],
            // C3 (acquired by campaign 1) buys twice on their first day: one new customer, two first-sale rows.
            ["T26", "C3", "2024-02-15", "40.00"],
            // Churned or retained where the windows meet: C8 (February's sale) buys next on April 1st,
            // March's end (churned in March); C14's sale after February's is on March 1st (retained).
            ["T27", "C8", "2024-04-01", "10.00"], ["T28", "C14", "2024-02-25", "15.00"], ["T29", "C14", "2024-03-01", "15.00"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Orders, [.. orders.Select((o, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["id"] = o[0], ["customer"] = o[1], ["date"] = o[2], ["revenue"] = o.Length > 3 ? o[3] : "25.00",
        }))]);
        // Tickets that repeat an issue: C1's billing ticket of 2024-03-06 (T1) again on 03-20 and
        // 04-02, C2's billing ticket of 02-12 (T4) again 31 days later (no repeat), C3's delivery
        // ticket of 03-11 (T2) again by phone on 03-12 (the service twins compare them).
        string[][] tickets = [["X1", "C1", "billing", "2024-03-20 09:00:00", "email"], ["X2", "C1", "billing", "2024-04-02 09:00:00", "chat"],
            ["X3", "C2", "billing", "2024-03-14 08:00:00", "email"], ["X4", "C3", "delivery", "2024-03-12 10:00:00", "phone"],
            // Complaints (the complaint rate counts a complainant with a sale in the same bucket): C2
            // on 2024-01-15 between sales of 2022 and February (none in January); C9 on 02-20 after
            // their sale of 02-08; C7 on 03-15, six weeks after their last sale; C5 on 03-10 before
            // their sale of 03-15 (only the sale after it is in March); C11 on 03-05 after a sale on
            // March 1st; C12 on 03-07, the day of a sale, after one in February.
            ["X5", "C2", "product", "2024-01-15 11:00:00", "phone", "1"], ["X6", "C9", "billing", "2024-02-20 11:00:00", "email", "1"],
            ["X7", "C7", "delivery", "2024-03-15 11:00:00", "chat", "1"], ["X8", "C5", "billing", "2024-03-10 11:00:00", "email", "1"],
            ["X9", "C11", "billing", "2024-03-05 11:00:00", "email", "1"], ["X10", "C12", "delivery", "2024-03-07 18:00:00", "chat", "1"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Tickets, [.. tickets.Select((t, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["id"] = t[0], ["customer"] = t[1], ["category"] = t[2], ["submitted"] = t[3], ["channel"] = t[4], ["complaint"] = t.Length > 5 ? t[5] : null,
        }))]);
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM agg_ticket_repeat"));
        // Touches (kpi/touches counts a customer once per bucket, a responder once): C3 answers
        // again on 03-20 (previous response 03-03, the same month, before a window from 03-10), C2
        // on 03-25 (previous touch 03-02, previous response in February), C1 twice on 04-05 (two
        // campaigns; previous response 03-02) and C5 on 03-12 only (a first touch, no response). C1
        // answers on 03-15 too, converted by their sale of 03-20 as their touch of 03-02 was: a
        // second responded-and-converted touch in March (kpi/conversions counts C1 once).
        string[][] touches = [["C1", "2024-03-15", "yes", "Spring mail"], ["C3", "2024-03-20", "yes", "Spring mail"], ["C2", "2024-03-25", "yes", "Spring mail"], ["C1", "2024-04-05", "yes", "Spring mail"],
            ["C1", "2024-04-05", "yes", "Winter mail"], ["C5", "2024-03-12", "no", "Spring mail"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Touches, [.. touches.Select((t, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["campaign"] = t[3], ["customer"] = t[0], ["sent"] = t[1], ["responded"] = t[2],
        }))]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task A_twin_returns_its_namesakes_rows_for_every_window(string twin)
    {
        var original = twin[QueryCache.UnfilteredPrefix.Length..];
        var rows = 0;
        // A twin that buckets by @grain (the revenue trend) is compared by day and by month, one
        // that groups by @dimension (service by member) for each dimension.
        var parameters = _db.Runner.Prepare(twin).Parameters;
        string[] grains = parameters.Contains("grain") ? ["day", "month"] : ["month"];
        string[] dimensions = parameters.Contains("dimension") ? ["channel", "category", "agent"] : ["channel"];
        // A paged list is compared under each of its sorts (the churned list's and the campaign customers'
        // among them), and cut to a page of two after the first row.
        (string Sort, int Offset, int Limit)[] pages = parameters.Contains("sort")
            ? [("revenue", 0, 1000), ("lifetime_revenue", 0, 1000), ("name", 0, 1000), ("last_csat", 0, 1000), ("first_touch", 0, 1000), ("last_order", 0, 1000),
               ("lifetime_revenue", 1, 2), ("last_order", 1, 2), ("name", 1, 2), ("revenue", 1, 2), ("first_touch", 1, 2)]
            : [("revenue", 0, 1000)];
        foreach (var (period, previous, monthly, grain, dimension, paging) in Windows.SelectMany(w => grains.SelectMany(g => dimensions.SelectMany(d => pages.Select(p => (w.Period, w.Previous, w.Monthly, g, d, p))))))
        {
            var args = QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(period, previous).Monthly(monthly).With("grain", grain).With("dimension", dimension).WithAll(TablePage)
                .With("sort", paging.Sort).With("offset", paging.Offset).With("limit", paging.Limit);
            Assert.Equal(twin, _db.Cache.ChooseQuery(original, args));
            var expected = RowText.Of(await _db.Runner.QueryRowsAsync(original, args));
            var actual = RowText.Of(await _db.Runner.QueryRowsAsync(twin, args));
            Assert.Equal(expected, actual);
            rows += expected.Count;
        }
        Assert.True(rows >= 3, "the windows gave rows to compare"); // retention_monthly has none for windows not starting on a month
    }

    /// <summary>
    /// Monthly buckets whose first month is cut short (the default last 90 days by month starts
    /// mid-month): a customer's earlier sale or touch in that month, before the window, does not
    /// make their first one in the window a repeat. Not in <see cref="Windows"/>: the twins named
    /// here read their bucket's start as the later of the month and the window's.
    /// </summary>
    [Theory]
    [InlineData("unfiltered/kpi/cross_sell")]
    [InlineData("unfiltered/kpi/marketing")]
    [InlineData("unfiltered/kpi/touches")]
    [InlineData("unfiltered/kpi/conversions")]
    public async Task A_monthly_twin_whose_first_month_is_cut_short_returns_its_namesakes_rows(string twin)
    {
        var original = twin[QueryCache.UnfilteredPrefix.Length..];
        var args = QueryArgs.For(DashboardFilter.Default, DataScope.All)
            .Window(new(new DateOnly(2024, 3, 10), new DateOnly(2024, 4, 16)), new(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 10))).Monthly(true).WithAll(TablePage);
        Assert.Equal(twin, _db.Cache.ChooseQuery(original, args));
        var expected = RowText.Of(await _db.Runner.QueryRowsAsync(original, args));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, RowText.Of(await _db.Runner.QueryRowsAsync(twin, args)));
    }

    public static TheoryData<string> MonthlyQueries() =>
        [.. SqlCatalog.Default.QueryNames.Where(n => SqlCatalog.Default.Get(n, SqlDialect.DuckDb).Parameters.Contains("monthly"))];

    [Theory]
    [MemberData(nameof(MonthlyQueries))]
    public async Task Months_over_a_window_inside_one_month_from_its_first_day_are_the_window_itself(string name)
    {
        // QueryCache asks such a window with @monthly = 0 (QueryCache.OneMonthAsPeriod), so the month
        // of a sparkline and the "so far this month" value share one entry.
        var rows = 0;
        foreach (var (period, filter) in new[] { new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 21)) }
            .SelectMany(p => new[] { (p, DashboardFilter.Default), (p, DashboardFilter.Default with { Regions = IdSet.Of(1) }) }))
        {
            var args = QueryArgs.For(filter, DataScope.All).Window(period, new DateRange(period.From.AddMonths(-1), period.From)).AsOf(new DateOnly(2024, 3, 20))
                .With("grain", "day").With("dimension", "channel").WithAll(TablePage);
            var months = RowText.Of(await _db.Runner.QueryRowsAsync(name, args.Monthly(true)));
            Assert.Equal(months, RowText.Of(await _db.Runner.QueryRowsAsync(name, args.Monthly(false))));
            Assert.Equal(args.Monthly(false).KeyFor(["monthly"]), QueryCache.OneMonthAsPeriod(_db.Runner.Prepare(name), args.Monthly(true)).KeyFor(["monthly"]));
            rows += months.Count;
        }
        Assert.True(rows > 0, "the windows gave rows to compare");
    }

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task A_twin_answers_nothing_under_a_filter_or_a_scope(string twin)
    {
        var (period, previous, monthly) = Windows[0];
        var filtered = QueryArgs.For(DashboardFilter.Default with { Regions = IdSet.Of(1) }, DataScope.All).Window(period, previous).Monthly(monthly).With("grain", "day").With("dimension", "channel").WithAll(TablePage);
        var scoped = QueryArgs.For(DashboardFilter.Default, DataScope.ForTeams(IdSet.Of(1))).Window(period, previous).Monthly(monthly).With("grain", "day").With("dimension", "channel").WithAll(TablePage);

        var original = twin[QueryCache.UnfilteredPrefix.Length..];
        var nothing = QueryArgs.For(DashboardFilter.Default, DataScope.Nothing).Window(period, previous).Monthly(monthly).With("grain", "day").With("dimension", "channel").WithAll(TablePage);

        // The cache never picks a twin for a filter or for any scope but everything (a sales lead, a key with --teams, nobody) ...
        // (A filter on one region may pick the query's member/ twin, and a twin marked --#day-filters
        // or --#customer-filters answers it: FilteredTwinTests.)
        var answersFilters = _db.Runner.Prepare(twin).AnswersDayFilters || _db.Runner.Prepare(twin).AnswersCustomerFilters;
        if (!answersFilters)
        {
            Assert.NotEqual(twin, _db.Cache.ChooseQuery(original, filtered));
        }
        Assert.Equal(original, _db.Cache.ChooseQuery(original, scoped));
        Assert.Equal(original, _db.Cache.ChooseQuery(original, nothing));
        // ... nor for arguments that claim the whole scope and name teams (no host builds them: QueryArgs.For cannot).
        Assert.Equal(original, _db.Cache.ChooseQuery(original, QueryArgs.For(DashboardFilter.Default, DataScope.All).With("scope_team_ids", new List<int> { 1 }).Window(period, previous).Monthly(monthly).With("grain", "day")));
        // ... and were one run anyway, its text answers nothing.
        if (!answersFilters)
        {
            Assert.All(await _db.Runner.QueryRowsAsync(twin, filtered), Zero);
        }
        Assert.All(await _db.Runner.QueryRowsAsync(twin, scoped), Zero);
        Assert.All(await _db.Runner.QueryRowsAsync(twin, nothing), Zero);
    }

    /// <summary>A row of a twin that failed closed: no customer or sale counted.</summary>
    private static void Zero(SqlRow row) =>
        Assert.All(row.Columns.Where(c => c != "bucket" && c != "has_tickets"), c => Assert.True((row.GetDecimal(c) ?? 0m) == 0m, $"{c} = {row[c]}"));
}
