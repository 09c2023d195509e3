using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Queries;

/// <summary>
/// A query marked additive returns, for any window, exactly the bucket-wise sums of its rows over
/// the window cut in two at today (scanned with the same @window_from) — what QueryCache serves
/// for a window that contains today. Checked for every such query on the golden data plus orders
/// that give the chain depth (repeat buyers on both sides of the cut, a buyer on the cut day, a
/// lapsed customer), complaints and responded touches on both sides of it, for windows with the previous window right before, a year before (a gap),
/// overlapping, and monthly buckets; unfiltered and under a filter.
/// </summary>
public sealed class AdditiveSplitTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 4, 15);

    private static readonly (DateRange Period, DateRange Previous, bool Monthly)[] Windows =
    [
        (new(new DateOnly(2024, 1, 16), new DateOnly(2024, 4, 16)), new(new DateOnly(2023, 10, 18), new DateOnly(2024, 1, 16)), false),
        (new(new DateOnly(2024, 1, 16), new DateOnly(2024, 4, 16)), new(new DateOnly(2023, 1, 16), new DateOnly(2023, 4, 16)), false),
        (new(new DateOnly(2023, 4, 16), new DateOnly(2024, 4, 16)), new(new DateOnly(2022, 10, 16), new DateOnly(2023, 10, 16)), false),
        (new(new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 16)), new(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), false),
        (new(new DateOnly(2023, 12, 1), new DateOnly(2024, 4, 16)), new(new DateOnly(2023, 11, 1), new DateOnly(2023, 12, 1)), true),
    ];

    private TestDatabase _db = null!;

    private static List<string> AdditiveNames() =>
        [.. SqlCatalog.Default.QueryNames.Where(n => SqlCatalog.Default.Get(n, SqlDialect.DuckDb).IsAdditive)];

    public static TheoryData<string> Additive() => [.. AdditiveNames()];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        // C1 buys in March, in April and today (both sides of the cut at today), C2 in April and
        // twice today, C3 only today, C4 on April 1, C6 lapsed since November 2023; all in the North
        // region, so that the filter on it (and the member twins) sees them too.
        string[][] orders = [["A1", "C1", "2024-03-20"], ["A2", "C1", "2024-04-03"], ["A3", "C1", "2024-04-15"], ["A4", "C2", "2024-04-02"],
            ["A5", "C4", "2024-04-01"], ["A6", "C6", "2023-03-10"], ["A7", "C6", "2023-11-20"], ["A8", "C3", "2024-04-15"],
            ["A9", "C2", "2024-04-15"], ["A10", "C2", "2024-04-15"], ["A11", "C6", "2024-04-15"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Orders, [.. orders.Select((o, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["id"] = o[0], ["customer"] = o[1], ["date"] = o[2], ["revenue"] = "25.00", ["region"] = "North",
        }))]);
        // Complaints: C1 before the cut with sales before it (both before), C2 today with sales
        // before and today, C4 today with a sale before only, C6 before the cut with its first sale
        // of the window today, C5 today without a sale in the window.
        string[][] complaints = [["K1", "C1", "2024-03-25 10:00"], ["K2", "C2", "2024-04-15 09:00"], ["K3", "C4", "2024-04-15 11:00"],
            ["K4", "C6", "2024-04-05 12:00"], ["K5", "C5", "2024-04-15 13:00"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Tickets, [.. complaints.Select((k, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["id"] = k[0], ["customer"] = k[1], ["category"] = "billing", ["channel"] = "phone", ["submitted"] = k[2], ["complaint"] = "yes",
        }))]);
        // Responded touches on both sides of the cut: C1 in March and today (its previous response
        // inside the window), C3 today only, C6 in April.
        string[][] touches = [["C1", "2024-03-18"], ["C1", "2024-04-15"], ["C3", "2024-04-15"], ["C6", "2024-04-05"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Touches, [.. touches.Select((t, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["campaign"] = "Spring mail", ["customer"] = t[0], ["sent"] = t[1], ["responded"] = "yes",
        }))]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void The_expensive_window_queries_are_additive()
    {
        Assert.Superset(new HashSet<string> { "unfiltered/kpi/sales_summary", "kpi/sales_summary", "kpi/retention", "kpi/complaints", "unfiltered/kpi/retention", "kpi/new_customers", "unfiltered/kpi/new_customers", "unfiltered/kpi/marketing", "unfiltered/kpi/complaints" },
            AdditiveNames().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Additive))]
    public async Task The_sum_of_the_two_halves_is_the_whole_window(string queryName)
    {
        var query = _db.Runner.Prepare(queryName);
        var compared = 0;
        foreach (var (period, previous, monthly) in Windows)
        {
            // Unfiltered (what a twin answers) and one region (what a facts query answers under a filter).
            foreach (var filter in new[] { DashboardFilter.Default, DashboardFilter.Default with { Regions = IdSet.Of(1) } })
            {
                var args = QueryArgs.For(filter, DataScope.All).Window(period, previous).Monthly(monthly).AsOf(Today);
                var cut = AdditiveSplit.CutFor(query, args);
                Assert.Equal(Today, cut);

                var whole = await _db.Runner.QueryRowsAsync(queryName, args);
                var first = await _db.Runner.QueryRowsAsync(queryName, args.With("date_to", cut!.Value));
                var second = await _db.Runner.QueryRowsAsync(queryName, args.With("date_from", cut.Value));
                Assert.Equal(RowText.Of(whole), RowText.Of(AdditiveSplit.Sum(queryName, first, second)));
                compared += whole.Count(r => r.Columns.Any(c => c != "bucket" && SqlRow.ToDecimal(r[c]) is > 0));
            }
        }
        Assert.True(compared >= 3, "the windows gave non-zero rows to compare");
    }

    [Theory]
    [InlineData("kpi/complaints")]
    [InlineData("unfiltered/kpi/complaints")]
    public async Task A_month_begun_today_keeps_the_flag_of_the_days_before(string queryName)
    {
        // Cut on April 1st: April's bucket is only in the second part, and tickets exist before it.
        var firstOfMonth = new DateOnly(2024, 4, 1);
        var args = QueryArgs.For(DashboardFilter.Default, DataScope.All)
            .Window(new(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 16)), new(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1))).Monthly(true).AsOf(firstOfMonth);
        var whole = await _db.Runner.QueryRowsAsync(queryName, args);
        var first = await _db.Runner.QueryRowsAsync(queryName, args.With("date_to", firstOfMonth));
        var second = await _db.Runner.QueryRowsAsync(queryName, args.With("date_from", firstOfMonth));

        Assert.DoesNotContain(first, r => r.GetDate("bucket") == firstOfMonth);
        Assert.Equal(1, whole.Single(r => r.GetDate("bucket") == firstOfMonth).GetInt64("has_tickets"));
        Assert.Equal(RowText.Of(whole), RowText.Of(AdditiveSplit.Sum(queryName, first, second)));
    }

    [Fact]
    public async Task The_cache_serves_the_sum_and_a_write_dated_today_recomputes_only_the_current_month()
    {
        await _db.VersionSource.RefreshAsync();
        var args = QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(Windows[0].Period, Windows[0].Previous).Monthly(false).AsOf(Today);
        // The ingests of InitializeAsync named their days: results before today are not touched by them.
        var expected = await _db.Runner.QueryRowsAsync("unfiltered/kpi/sales_summary", args);

        var cold = await _db.VersionSource.GetCurrentAsync();
        var before = _db.Metrics.TotalExecuted;
        var cached = await _db.Cache.GetRowsAsync("kpi/sales_summary", args, cold);
        Assert.Equal(2, _db.Metrics.TotalExecuted - before); // January 16 – April 14, and today
        Assert.Equal(RowText.Of(expected), RowText.Of(cached));

        await _db.Get<IngestService>().IngestAsync(IngestKind.Orders, [new IngestRecord(1, new Dictionary<string, string?>
        {
            ["id"] = "TODAY-9", ["customer"] = "C5", ["date"] = "2024-04-15", ["revenue"] = "40.00",
        })]);
        await _db.VersionSource.RefreshAsync();
        var version = await _db.VersionSource.GetCurrentAsync();
        before = _db.Metrics.TotalExecuted;
        var after = await _db.Cache.GetRowsAsync("kpi/sales_summary", args, version);

        Assert.Equal(1, _db.Metrics.TotalExecuted - before); // today only: January 16 – April 14 stayed cached
        var row = Assert.Single(after);
        Assert.Equal(expected[0].GetDecimal("revenue") + 40m, row.GetDecimal("revenue"));
        Assert.Equal(RowText.Of(await _db.Runner.QueryRowsAsync("unfiltered/kpi/sales_summary", args)), RowText.Of(after));
    }

    [Fact]
    public void Only_a_window_containing_today_after_its_first_day_is_cut()
    {
        var query = _db.Runner.Prepare("unfiltered/kpi/sales_summary");
        var baseArgs = QueryArgs.For(DashboardFilter.Default, DataScope.All).Monthly(false).AsOf(Today);
        DateOnly? Cut(DateOnly from, DateOnly to) => AdditiveSplit.CutFor(query, baseArgs.Window(new DateRange(from, to), new DateRange(from.AddDays(-30), from)));

        Assert.Equal(Today, Cut(new DateOnly(2024, 1, 16), new DateOnly(2024, 4, 16)));
        Assert.Equal(Today, Cut(new DateOnly(2024, 4, 14), new DateOnly(2024, 5, 1)));
        Assert.Null(Cut(new DateOnly(2023, 10, 18), new DateOnly(2024, 1, 16)));  // the previous window: in the past
        Assert.Null(Cut(new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 15)));    // ends before today
        Assert.Null(Cut(Today, new DateOnly(2024, 4, 16)));                       // today alone
        Assert.Null(AdditiveSplit.CutFor(query, baseArgs.Window(new DateRange(new DateOnly(2024, 1, 16), new DateOnly(2024, 4, 16)), new DateRange(new DateOnly(2023, 10, 18), new DateOnly(2024, 1, 16))).With("today", null)));
        // Not marked additive (distinct customers over the facts, under a filter): never cut.
        Assert.Null(AdditiveSplit.CutFor(_db.Runner.Prepare("kpi/winback"), baseArgs.Window(new DateRange(new DateOnly(2024, 1, 16), new DateOnly(2024, 4, 16)), new DateRange(new DateOnly(2023, 10, 18), new DateOnly(2024, 1, 16)))));
    }

    [Fact]
    public void The_halves_are_summed_per_bucket_and_a_column_that_is_not_a_sum_is_refused()
    {
        static SqlRow Row(DateOnly bucket, object? a, object? b) => new([new("bucket", bucket), new("a", a), new("b", b)]);
        var march = new DateOnly(2024, 3, 1);
        var april = new DateOnly(2024, 4, 1);

        var sum = AdditiveSplit.Sum("q", [Row(april, 2L, 1.5m)], [Row(april, 3L, null), Row(march, 1L, 2m)]);

        Assert.Equal(["2024-03-01 1 2", "2024-04-01 5 1.5"], sum.Select(r => $"{r.GetDate("bucket"):yyyy-MM-dd} {r["a"]} {r["b"]}"));
        Assert.Throws<InvalidOperationException>(() => AdditiveSplit.Sum("q", [Row(april, "x", 1m)], [Row(april, "y", 1m)]));
        // A flag (has_tickets: something exists up to the scan's end) is either half's, not their sum.
        static SqlRow Flagged(DateOnly bucket, long count, int flag) => new([new("bucket", bucket), new("count", count), new("has_tickets", flag)]);
        Assert.Equal(["2024-04-01 5 1"], AdditiveSplit.Sum("q", [Flagged(april, 2, 1)], [Flagged(april, 3, 1)]).Select(r => $"{r.GetDate("bucket"):yyyy-MM-dd} {r["count"]} {r["has_tickets"]}"));
        Assert.Equal(["2024-04-01 5 1"], AdditiveSplit.Sum("q", [Flagged(april, 2, 0)], [Flagged(april, 3, 1)]).Select(r => $"{r.GetDate("bucket"):yyyy-MM-dd} {r["count"]} {r["has_tickets"]}"));
    }
}
