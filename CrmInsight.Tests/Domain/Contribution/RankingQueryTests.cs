using System.Globalization;
using System.Text;
using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Contribution;

/// <summary>
/// contribution/ranking counts its ranks instead of sorting for each (RFM's percentile ranks from
/// per-value counts, the monetary one from cut points read off the revenue ranking). Here it is
/// held to the definitions written out plainly (KPIS.md §1): on 40 customers with many tied
/// revenues, order counts and last days, every part equals what the formulas give when each
/// customer is ranked one by one — PERCENT_RANK as (customers below) / (N - 1) in floating point,
/// compared with 0.2 … 0.8 exactly as the SQL standard function would be.
/// </summary>
public sealed class RankingQueryTests : IAsyncLifetime
{
    private static readonly DateRange June = new(new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 1));
    private static readonly decimal[] Prices = [10m, 20m, 30m, 40m, 60m];

    private TestDatabase _db = null!;
    private readonly List<(long Customer, DateOnly Date, decimal Revenue, decimal Cost)> _sales = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        var random = new Random(20_12);
        var sql = new StringBuilder();
        sql.Append("INSERT INTO dim_customer (customer_id, customer_code, name, region_id, segment_id, owner_rep_id, updated_at) VALUES ");
        sql.AppendJoin(", ", Enumerable.Range(101, 40).Select(id => $"({id}, 'R{id}', 'Ranked {id}', 1, 1, 1, TIMESTAMP '2025-01-01 00:00:00')"));
        sql.Append(";\nINSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) VALUES ");
        for (var i = 0; i < 120; i++)
        {
            // A few busy customers, many with one or two orders; five prices and twelve days make ties everywhere.
            long customer = 101 + (random.Next(3) == 0 ? random.Next(5) : random.Next(40));
            var date = June.From.AddDays(random.Next(12) * 2);
            var revenue = Prices[random.Next(Prices.Length)];
            var cost = revenue * 0.4m;
            _sales.Add((customer, date, revenue, cost));
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                $"({9000 + i}, 'RO{i}', {customer}, DATE '{date:yyyy-MM-dd}', 1, 1, 1, 1, 1, 1, NULL, {revenue}, {cost}, 1, 0, 'completed')");
        }
        await _db.ExecuteAsync(sql.ToString());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Every_part_equals_the_definitions_applied_customer_by_customer()
    {
        var args = QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(June, new DateRange(June.From.AddDays(-30), June.From));
        var rows = await _db.Runner.QueryRowsAsync(ContributionService.RankingQuery, args);
        var parts = rows.ToLookup(r => r.GetString("part"));

        // The customers ranked by revenue, ties by id.
        var customers = _sales.GroupBy(s => s.Customer)
            .Select(g => (Id: g.Key, Revenue: g.Sum(s => s.Revenue), Profit: g.Sum(s => s.Revenue - s.Cost), Orders: g.Count(), Last: g.Max(s => s.Date)))
            .OrderByDescending(c => c.Revenue).ThenBy(c => c.Id).ToList();
        var n = customers.Count;
        var total = customers.Sum(c => c.Revenue);
        Assert.InRange(n, 30, 40);

        // 'top' comes first: the revenue of the first ceil(N/5).
        Assert.Equal("top", rows[0].GetString("part"));
        var top = (n + 4) / 5;
        Assert.Equal((total, customers.Take(top).Sum(c => c.Revenue), (long)n, (long)top),
            (rows[0].GetDecimal("customer_revenue"), rows[0].GetDecimal("top_revenue"), rows[0].GetInt64("ranked_customers"), rows[0].GetInt64("top_customers")));

        // ABC by the revenue before each customer.
        var classes = customers.Select((c, i) => (c, Class: Before(i) < 0.80m * total ? "A" : Before(i) < 0.95m * total ? "B" : "C"))
            .GroupBy(x => x.Class).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()} {F(g.Sum(x => x.c.Revenue))} {F(g.Sum(x => x.c.Profit))} {g.Sum(x => x.c.Orders)}");
        Assert.Equal(classes, parts["abc"].Select(r => $"{r.GetString("abc_class")} {r.GetInt64("customers")} {F(r.GetDecimal("revenue"))} {F(r.GetDecimal("gross_profit"))} {r.GetInt64("orders")}"));

        // Pareto: under 200 customers, every position with its running total.
        Assert.Equal(customers.Select((c, i) => $"{i + 1} {n} {F(Before(i) + c.Revenue)} {F(total)}"),
            parts["pareto"].Select(r => $"{r.GetInt64("position")} {r.GetInt64("customers")} {F(r.GetDecimal("cumulative_revenue"))} {F(r.GetDecimal("total_revenue"))}"));

        // RFM: each score from PERCENT_RANK over all N customers.
        var lastDay = June.To.AddDays(-1);
        var scored = customers.Select(c => (c,
            Recency: lastDay.DayNumber - c.Last.DayNumber,
            R: Score(customers.Count(o => o.Last < c.Last)), // more days since the last sale ranks lower
            F: Score(customers.Count(o => o.Orders < c.Orders)),
            M: Score(customers.Count(o => o.Revenue < c.Revenue))));
        var cells = scored.GroupBy(s => (s.R, s.F, s.M)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.R} {g.Key.F} {g.Key.M} {g.Count()} {F(g.Sum(s => s.c.Revenue))} {g.Sum(s => s.Recency)} {g.Sum(s => s.c.Orders)}")
            .ToList();
        Assert.True(cells.Count >= 8, "the data spreads over several RFM cells");
        Assert.Equal(cells, parts["rfm"].Select(r =>
            $"{r.GetInt64("r_score")} {r.GetInt64("f_score")} {r.GetInt64("m_score")} {r.GetInt64("customers")} {F(r.GetDecimal("revenue"))} {r.GetInt64("recency_days")} {r.GetInt64("orders")}"));

        decimal Before(int index) => customers.Take(index).Sum(c => c.Revenue);

        int Score(int below)
        {
            var rank = n == 1 ? 0d : below / (double)(n - 1);
            return rank >= 0.8 ? 5 : rank >= 0.6 ? 4 : rank >= 0.4 ? 3 : rank >= 0.2 ? 2 : 1;
        }
    }

    private static string F(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "null";

    [Fact]
    public async Task The_top_row_is_kpi_top_customers_for_the_period()
    {
        var args = QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(June, new DateRange(June.From.AddDays(-30), June.From)).Monthly(false);
        var ranking = (await _db.Runner.QueryRowsAsync(ContributionService.RankingQuery, args))[0];
        var top = Assert.Single(await _db.Runner.QueryRowsAsync("kpi/top_customers", args));

        foreach (var measure in new[] { "customer_revenue", "top_revenue", "ranked_customers", "top_customers" })
        {
            Assert.Equal(top.GetDecimal(measure), ranking.GetDecimal(measure));
        }
        Assert.Equal(top.GetDate("bucket"), ranking.GetDate("bucket"));
    }

    [Fact]
    public async Task Kpi_top_customers_sums_the_top_fifth_whatever_the_count_leaves_over()
    {
        // The period's top_revenue is a top-N of the revenues (no ranking of every customer): held to
        // the ranking by revenue and id, worked out here, over windows June 1 to June 2 … June 24,
        // whose customer counts leave every remainder mod 5 (a count of 5k + 1 takes k + 1 customers).
        var remainders = new HashSet<int>();
        for (var end = June.From.AddDays(1); end <= June.From.AddDays(24); end = end.AddDays(1))
        {
            var window = new DateRange(June.From, end);
            var customers = _sales.Where(s => s.Date < end).GroupBy(s => s.Customer)
                .Select(g => (Id: g.Key, Revenue: g.Sum(s => s.Revenue)))
                .OrderByDescending(c => c.Revenue).ThenBy(c => c.Id).ToList();
            var top = (customers.Count + 4) / 5;
            remainders.Add(customers.Count % 5);

            var row = Assert.Single(await _db.Runner.QueryRowsAsync("kpi/top_customers",
                QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(window, new DateRange(June.From.AddDays(-30), June.From)).Monthly(false)));

            Assert.Equal($"{F(customers.Sum(c => c.Revenue))} {F(customers.Take(top).Sum(c => c.Revenue))} {customers.Count} {top}",
                $"{F(row.GetDecimal("customer_revenue"))} {F(row.GetDecimal("top_revenue"))} {row.GetInt64("ranked_customers")} {row.GetInt64("top_customers")}");
        }
        Assert.Equal([0, 1, 2, 3, 4], remainders.Order());
    }

    [Fact]
    public async Task Kpi_top_customers_by_month_is_each_month_ranked_alone()
    {
        // The golden months (February and March 2024) and June 2025: with @monthly = 1 one row per month
        // (bucket = its first day), each the month's own ranking; without it one row, bucket = @date_from.
        foreach (var (from, to) in new[] { (new DateOnly(2024, 2, 1), new DateOnly(2024, 4, 1)), (June.From, June.To) })
        {
            var window = new DateRange(from, to);
            var monthly = await _db.Runner.QueryRowsAsync("kpi/top_customers",
                QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(window, new DateRange(from.AddMonths(-1), from)).Monthly(true));
            var expected = new List<string>();
            for (var month = from; month < to; month = month.AddMonths(1))
            {
                var alone = await _db.Runner.QueryRowsAsync("kpi/top_customers",
                    QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(new DateRange(month, month.AddMonths(1)), new DateRange(month.AddMonths(-1), month)).Monthly(false));
                expected.AddRange(RowText.Of(alone));
            }
            Assert.Equal(expected, RowText.Of(monthly));
            Assert.Equal((to.Year - from.Year) * 12 + to.Month - from.Month, monthly.Count);
        }
    }
}
