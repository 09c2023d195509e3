using System.Globalization;
using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Ingest;
using CrmInsight.Tests.Domain.Import;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Aggregates;

/// <summary>
/// The pre-aggregates equal the facts after a random sequence of writes through every write
/// path — ingests (new, replaced, backdated, cancelled, anonymous orders and new customers), an
/// import of order lines, simulator steps and ingests of opportunities (new and re-sent) — compared
/// with an independent computation from fact_order (and fact_campaign_touch, dim_campaign,
/// fact_opportunity, fact_activity) in C# (not the rebuild SQL).
/// </summary>
public sealed class PreAggregatesTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2024, 4, 15, 11, 0, 0, TimeSpan.Zero));
        await _db.ExecuteAsync(GoldenDataset.Sql + Activities);
    }

    private static readonly string[] Stages = ["won", "lost", "proposal"];

    // Follow-ups are written only by the demo load (a bulk load and a rebuild, as ExecuteAsync does):
    // two reps, several kinds on one day, and a kind outside the four (counted in all only).
    private const string Activities = """

        INSERT INTO fact_activity (activity_id, rep_id, customer_id, activity_date, kind) VALUES
            (1, 1, 1, DATE '2024-03-04', 'call'), (2, 1, 2, DATE '2024-03-04', 'call'), (3, 1, NULL, DATE '2024-03-04', 'visit'),
            (4, 3, 4, DATE '2024-03-04', 'email'), (5, 3, 3, DATE '2024-02-28', 'meeting'), (6, 2, 2, DATE '2024-03-31', 'note');
        """;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task They_equal_the_facts_after_random_ingests_an_import_and_simulator_steps()
    {
        var random = new Random(12);
        var ingest = _db.Get<IngestService>();
        var simulator = new LiveEventSimulator(ingest, _db.Runner, _db.Time, seed: 3);
        var codes = new List<string> { "O1", "O4", "O8" }; // golden orders a re-send may replace
        // A second stream for what the sales-targets aggregates need (reps on orders, opportunities),
        // so the draws above stay as they were.
        var targets = new Random(7);
        var opportunities = new List<string> { "P1", "P2", "P3", "P4", "P5" }; // golden opportunities a re-send may replace
        string[] reps = ["Rep One", "Rep Two", "Rep Three"];
        var replacedClosed = 0;
        for (var step = 0; step < 30; step++)
        {
            switch (random.Next(4))
            {
                case 0 or 1:
                    var records = Enumerable.Range(0, random.Next(1, 6)).Select(n =>
                    {
                        // Replace an earlier order now and then, else a new id.
                        var code = codes.Count > 0 && random.Next(4) == 0 ? codes[random.Next(codes.Count)] : $"R{step}-{n}";
                        codes.Add(code);
                        var date = new DateOnly(2024, 4, 15).AddDays(-random.Next(0, 120)); // backdated up to four months
                        return new IngestRecord(n + 1, new Dictionary<string, string?>
                        {
                            ["id"] = code,
                            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            ["revenue"] = random.Next(5) == 0 ? "0" : (10 + random.Next(500)).ToString(CultureInfo.InvariantCulture),
                            ["status"] = random.Next(6) == 0 ? "cancelled" : "completed",
                            // Known customers, an anonymous sale, or a customer the write creates.
                            ["customer"] = random.Next(6) switch { 0 => null, 1 => $"NEW{step}", _ => $"C{random.Next(1, 7)}" },
                            ["rep"] = targets.Next(4) == 0 ? null : reps[targets.Next(reps.Length)],
                            // A customer the write creates is acquired by the campaign of the order that creates it.
                            ["campaign"] = step % 3 == 0 ? "Spring mail" : null,
                        });
                    }).GroupBy(r => r.Fields["id"]).Select(g => g.First()).ToList();
                    await ingest.IngestAsync(IngestKind.Orders, records);
                    break;
                case 2:
                    await simulator.StepAsync(TimeSpan.FromSeconds(2), ordersPerSecond: 3);
                    break;
                default:
                    var day = new DateOnly(2024, 4, 15).AddDays(-random.Next(0, 200));
                    var customer = $"C{random.Next(1, 9)}";
                    var csv = $"InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\nI{step},{customer},{day:yyyy-MM-dd},{random.Next(1, 4)},{random.Next(1, 90)}.50\nI{step},{customer},{day:yyyy-MM-dd},-1,3.00\n";
                    var summary = await _db.ImportAsync(ImportKind.OrderLines, csv, "order=InvoiceNo,customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice");
                    Assert.Null(summary.FatalError);
                    break;
            }
            if (targets.Next(3) == 0)
            {
                // New opportunities and re-sends of earlier ones (a close date moved, won became lost, reopened).
                var records = Enumerable.Range(0, targets.Next(1, 4)).Select(n =>
                {
                    var code = targets.Next(3) == 0 ? opportunities[targets.Next(opportunities.Count)] : $"Q{step}-{n}";
                    opportunities.Add(code);
                    var created = new DateOnly(2024, 4, 15).AddDays(-targets.Next(20, 150));
                    var stage = Stages[targets.Next(Stages.Length)];
                    return new IngestRecord(n + 1, new Dictionary<string, string?>
                    {
                        ["id"] = code,
                        ["rep"] = reps[targets.Next(reps.Length)],
                        ["customer"] = targets.Next(4) == 0 ? null : $"C{targets.Next(1, 7)}",
                        ["created"] = created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["closed"] = stage == "proposal" ? null : created.AddDays(targets.Next(0, 20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["stage"] = stage,
                        ["amount"] = (100 + targets.Next(900)).ToString(CultureInfo.InvariantCulture),
                    });
                }).GroupBy(r => r.Fields["id"]).Select(g => g.First()).ToList();
                replacedClosed += await _db.ScalarAsync<int>(
                    $"SELECT CAST(COUNT(*) AS INTEGER) FROM fact_opportunity WHERE closed_date IS NOT NULL AND opportunity_code IN ({string.Join(", ", records.Select(r => $"'{r.Fields["id"]}'"))})");
                await ingest.IngestAsync(IngestKind.Opportunities, records);
            }
            _db.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 90)));
        }
        Assert.True(replacedClosed > 0, "a re-send replaced a closed opportunity");
        // And one reopened for certain: its old close day (no longer named by any written row) loses it.
        var reopened = await _db.ScalarAsync<string>("SELECT MIN(opportunity_code) FROM fact_opportunity WHERE stage = 'won'");
        await ingest.IngestAsync(IngestKind.Opportunities, [new IngestRecord(1, new Dictionary<string, string?>
        {
            ["id"] = reopened, ["rep"] = "Rep One", ["created"] = "2024-01-02", ["stage"] = "proposal", ["amount"] = "100",
        })]);

        // And, after the last import (which rebuilds all), sales on a day that already has sales:
        // a refresh must replace that day's counts, not add to them.
        var busyDay = await _db.ScalarAsync<DateTime>("SELECT CAST(MAX(order_date) AS TIMESTAMP) FROM fact_order WHERE order_date < DATE '2024-04-15' AND customer_id IS NOT NULL");
        await ingest.IngestAsync(IngestKind.Orders, [.. Enumerable.Range(1, 2).Select(n => new IngestRecord(n, new Dictionary<string, string?>
        {
            ["id"] = $"LAST-{n}", ["date"] = busyDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["revenue"] = "25", ["customer"] = $"C{n}",
        }))]);
        // A new customer whose first day has two sales: one first-sale row is their first row, the other not.
        await ingest.IngestAsync(IngestKind.Orders, [.. Enumerable.Range(1, 2).Select(n => new IngestRecord(n, new Dictionary<string, string?>
        {
            ["id"] = $"TWICE-{n}", ["date"] = busyDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["revenue"] = "30", ["customer"] = "C-TWICE",
        }))]);

        // And sales after touches sent days before them, inside the touches' attribution windows
        // (Spring mail's ends on 2024-03-25): converted flags of rows sent before the orders' day change.
        await ingest.IngestAsync(IngestKind.Orders, [.. new[] { ("C3", "2024-03-22"), ("C2", "2024-03-21") }.Select((o, n) => new IngestRecord(n + 1, new Dictionary<string, string?>
        {
            ["id"] = $"CONV-{n}", ["date"] = o.Item2, ["revenue"] = "40", ["customer"] = o.Item1,
        }))]);
        // And, last (no later write refreshes what they change), backdated touches (a re-sent one
        // replaces its customer's touch of that day): the touch chain, the conversions and their day
        // counts are refreshed from the earliest sent day on.
        string[][] backdated = [["C2", "2024-03-20", "yes"], ["C2", "2024-04-02", "no"], ["C3", "2024-03-20", "no"], ["C1", "2024-04-10", "yes"]];
        await ingest.IngestAsync(IngestKind.Touches, [.. backdated.Select((t, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["campaign"] = i % 2 == 0 ? "Spring mail" : "Winter mail", ["customer"] = t[0], ["sent"] = t[1], ["responded"] = t[2],
        }))]);

        var (firstSales, chain, cohorts) = await ExpectedAsync();
        var storedFirst = await _db.RowsAsync<(long, long, DateTime)>("SELECT customer_id, order_id, CAST(first_date AS TIMESTAMP) FROM agg_first_sale ORDER BY 1, 2");
        var storedChain = await _db.RowsAsync<(long, DateTime, DateTime, DateTime?, DateTime?, DateTime, decimal)>(
            "SELECT customer_id, CAST(sale_date AS TIMESTAMP), CAST(month_start AS TIMESTAMP), CAST(prev_date AS TIMESTAMP), CAST(prev2_date AS TIMESTAMP), CAST(first_date AS TIMESTAMP), revenue FROM agg_sale_chain ORDER BY 1, 2, 4 NULLS FIRST, 5 NULLS FIRST, 7");
        var storedCohorts = await _db.RowsAsync<(DateTime, DateTime, DateTime, DateTime, long, long)>(
            "SELECT CAST(first_date AS TIMESTAMP), CAST(first_month AS TIMESTAMP), CAST(active_date AS TIMESTAMP), CAST(active_month AS TIMESTAMP), customers, retained FROM agg_cohort_activity ORDER BY 1, 3");
        Assert.True(firstSales.Count > 6, "the writes made new customers");
        Assert.Equal(firstSales, storedFirst);
        // Each first-sale row carries its customer's acquisition campaign and channel as dim_customer has them.
        var acquisitions = (await _db.RowsAsync<(long Customer, int? Campaign, int? Channel)>(
            "SELECT customer_id, acquisition_campaign_id, acquisition_channel_id FROM dim_customer")).ToDictionary(c => c.Customer);
        // And 1 in is_first_row on the customer's row with the lowest order id (firstSales is in customer, order order).
        var expectedAcquired = firstSales.Select((f, i) => (f.Item1, f.Item2, acquisitions[f.Item1].Campaign, acquisitions[f.Item1].Channel,
            FirstRow: i == 0 || firstSales[i - 1].Item1 != f.Item1 ? 1 : 0)).ToList();
        var storedAcquired = await _db.RowsAsync<(long, long, int?, int?, int)>(
            "SELECT customer_id, order_id, acquisition_campaign_id, acquisition_channel_id, is_first_row FROM agg_first_sale ORDER BY 1, 2");
        Assert.Contains(expectedAcquired, a => a.FirstRow == 0); // a customer with two sales on their first day
        Assert.Contains(expectedAcquired, a => a.Campaign is not null);
        Assert.Contains(expectedAcquired, a => a.Campaign is not null && a.Item1 > 6); // a customer the writes created
        Assert.Equal(expectedAcquired, storedAcquired);
        Assert.Equal(chain, storedChain);
        // The next sale and the lifetime to each sale (the churned list reads them).
        var lifetimes = await ExpectedLifetimesAsync();
        var storedLifetimes = (await _db.RowsAsync<(long Customer, DateTime Date, DateTime? Next, decimal Revenue, long Orders)>(
                "SELECT customer_id, CAST(sale_date AS TIMESTAMP), CAST(next_date AS TIMESTAMP), lifetime_revenue, lifetime_orders FROM agg_sale_chain ORDER BY 1, 5"))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Customer} {r.Date:yyyy-MM-dd} {r.Next:yyyy-MM-dd} {r.Revenue:F2} {r.Orders}"))
            .ToList();
        Assert.Contains(lifetimes, l => l.Split(' ')[4] == "3"); // some customer has three sales or more
        Assert.Equal(lifetimes, storedLifetimes);
        Assert.Contains(cohorts, c => c.Item1 != c.Item3); // some customer bought again in a later month
        Assert.Contains(cohorts, c => c.Item6 > 0); // and in the month after one they bought in
        Assert.Equal(cohorts, storedCohorts);
        // agg_sale_pair: the chain's rows counted per sale day and the date of the sale itself (0),
        // of its previous sale (1) and of its second-previous (2).
        var expectedPairs = chain
            .SelectMany(c => new[] { (c.Item2, c.Item3, 0, (DateTime?)c.Item2), (c.Item2, c.Item3, 1, c.Item4), (c.Item2, c.Item3, 2, c.Item5) })
            .Where(p => p.Item4 is not null || p.Item3 == 1) // a first-ever sale: previous sale NULL
            .GroupBy(p => p)
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Key.Item4, (long)g.Count()))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item3).ThenBy(p => p.Item4 ?? DateTime.MinValue)
            .ToList();
        var storedPairs = await _db.RowsAsync<(DateTime, DateTime, int, DateTime?, long)>(
            "SELECT CAST(sale_date AS TIMESTAMP), CAST(month_start AS TIMESTAMP), CAST(steps_back AS INTEGER), CAST(prior_date AS TIMESTAMP), sales FROM agg_sale_pair ORDER BY 1, 3, 4 NULLS FIRST");
        Assert.Contains(expectedPairs, p => p.Item4 is null);
        Assert.Contains(expectedPairs, p => p.Item3 == 2 && p.Item4 >= new DateTime(2024, 4, 1)); // a third sale within weeks
        Assert.Equal(expectedPairs, storedPairs);

        // agg_sale_day: every order per day and dimensions; sale measures over sales only, returns over all.
        var orders = await _db.RowsAsync<(DateTime Date, int? Region, int? Segment, int? Channel, int? Category, int? Team, long? Customer, decimal Revenue, decimal Cost, int Items, decimal Returned, string Status)>(
            "SELECT CAST(order_date AS TIMESTAMP), region_id, segment_id, channel_id, category_id, team_id, customer_id, revenue, cost, items, returned_value, status FROM fact_order");
        var expectedDays = orders
            .GroupBy(o => (o.Date, o.Region, o.Segment, o.Channel, o.Category, o.Team))
            .Select(g =>
            {
                var sales = g.Where(o => o.Status != "cancelled" && o.Revenue > 0).ToList();
                return string.Create(CultureInfo.InvariantCulture, $"{g.Key} {sales.Count} {sales.Sum(o => o.Revenue):F2} {sales.Sum(o => o.Cost):F2} {sales.Sum(o => o.Items)} {sales.Count(o => o.Customer is not null)} {g.Sum(o => o.Returned):F2}");
            })
            .Order(StringComparer.Ordinal)
            .ToList();
        var storedDays = (await _db.RowsAsync<(DateTime Date, int? Region, int? Segment, int? Channel, int? Category, int? Team, long Orders, decimal Revenue, decimal Cost, long Items, long Identified, decimal Returned)>(
                "SELECT CAST(sale_date AS TIMESTAMP), region_id, segment_id, channel_id, category_id, team_id, orders, revenue, cost, items, identified_orders, returns_value FROM agg_sale_day"))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{(d.Date, d.Region, d.Segment, d.Channel, d.Category, d.Team)} {d.Orders} {d.Revenue:F2} {d.Cost:F2} {d.Items} {d.Identified} {d.Returned:F2}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(orders.Any(o => o.Customer is null && o.Date > new DateTime(2024, 4, 1)), "an anonymous sale was written");
        Assert.Equal(expectedDays, storedDays);

        var touches = await _db.RowsAsync<(long Customer, int Campaign, DateTime Sent, int Responded)>(
            "SELECT customer_id, campaign_id, CAST(sent_date AS TIMESTAMP), responded FROM fact_campaign_touch");
        var expectedTouches = touches
            .GroupBy(t => t.Customer)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(t => t.Sent).ThenBy(t => t.Campaign).ToList();
                return ordered.Select((t, i) => (g.Key, t.Sent, t.Responded, i >= 1 ? ordered[i - 1].Sent : (DateTime?)null,
                    ordered.Take(i).Where(p => p.Responded == 1).Select(p => (DateTime?)p.Sent).Max()));
            })
            .OrderBy(r => r.Key).ThenBy(r => r.Sent).ThenBy(r => r.Responded).ThenBy(r => r.Item4 ?? DateTime.MinValue).ThenBy(r => r.Item5 ?? DateTime.MinValue)
            .ToList();
        var storedTouches = await _db.RowsAsync<(long, DateTime, int, DateTime?, DateTime?)>(
            "SELECT customer_id, CAST(sent_date AS TIMESTAMP), responded, CAST(prev_date AS TIMESTAMP), CAST(prev_response_date AS TIMESTAMP) FROM agg_touch_chain ORDER BY 1, 2, 3, 4 NULLS FIRST, 5 NULLS FIRST");
        Assert.True(touches.Any(t => t.Sent == new DateTime(2024, 4, 15)), "the simulator sent responses today");
        Assert.Equal(expectedTouches, storedTouches);
        // agg_touch_pair: the chain's rows counted per sent day and the date of the touch itself (0),
        // of its previous touch (1), of a responded touch itself (2) and of its previous responded
        // touch (3); NULL previous dates have no row.
        var expectedTouchPairs = PairCounts(expectedTouches
            .SelectMany(t => new[]
            {
                (t.Sent, 0, (DateTime?)t.Sent), (t.Sent, 1, t.Item4),
                (t.Sent, 2, t.Responded == 1 ? t.Sent : null), (t.Sent, 3, t.Responded == 1 ? t.Item5 : null),
            }));
        var storedTouchPairs = await StoredPairCountsAsync("agg_touch_pair");
        Assert.Contains(expectedTouchPairs, p => p.Item3 == 3 && p.Item4 >= new DateTime(2024, 3, 20)); // a response after a backdated one
        Assert.Contains(expectedTouchPairs, p => p.Item5 > 1); // several touches counted in one row
        Assert.Equal(expectedTouchPairs, storedTouchPairs);

        await MarketingAggregatesEqualTheFactsAsync();
        await TargetsAggregatesEqualTheFactsAsync();
        await ContributionAggregatesEqualTheFactsAsync();
        await CampaignSaleDayEqualsTheFactsAsync();
    }

    /// <summary>
    /// agg_campaign_sale_day as its definition says (duckdb.sql), computed here from every order:
    /// the sales (not cancelled, revenue above 0) that carry a campaign, summed per day, campaign and
    /// team on the order, with the day's month.
    /// </summary>
    private async Task CampaignSaleDayEqualsTheFactsAsync()
    {
        var orders = await _db.RowsAsync<(DateTime Date, int? Campaign, int? Team, decimal Revenue, string Status)>(
            "SELECT CAST(order_date AS TIMESTAMP), campaign_id, team_id, revenue, status FROM fact_order");
        var expected = orders
            .Where(o => o.Status != "cancelled" && o.Revenue > 0 && o.Campaign is not null)
            .GroupBy(o => (o.Date, o.Campaign, o.Team))
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {new DateTime(g.Key.Date.Year, g.Key.Date.Month, 1):yyyy-MM-dd} {g.Sum(o => o.Revenue):F2}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var stored = (await _db.RowsAsync<(DateTime Date, int? Campaign, int? Team, DateTime Month, decimal Revenue)>(
                "SELECT CAST(sale_date AS TIMESTAMP), campaign_id, team_id, CAST(month_start AS TIMESTAMP), revenue FROM agg_campaign_sale_day"))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{(d.Date, d.Campaign, d.Team)} {d.Month:yyyy-MM-dd} {d.Revenue:F2}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order WHERE order_code LIKE 'R%' AND campaign_id IS NOT NULL") > 0, "ingested sales carry campaigns");
        Assert.Equal(expected, stored);
    }

    /// <summary>
    /// agg_member_chain as its definition says (duckdb.sql), computed here from every order: each sale
    /// of an identified customer with its month, its four members and, per dimension, the dates of the
    /// customer's previous and second-previous sale of the same member (no member counting as one),
    /// sales ordered by date, then id; and each sale's revenue and the customer's first-ever sale.
    /// </summary>
    private async Task ContributionAggregatesEqualTheFactsAsync()
    {
        var orders = await _db.RowsAsync<(long OrderId, long? Customer, DateTime Date, decimal Revenue, string Status, int? Region, int? Segment, int? Channel, int? Category)>(
            "SELECT order_id, customer_id, CAST(order_date AS TIMESTAMP), revenue, status, region_id, segment_id, channel_id, category_id FROM fact_order");
        var sales = orders.Where(o => o.Customer is not null && o.Status != "cancelled" && o.Revenue > 0)
            .OrderBy(o => o.Date).ThenBy(o => o.OrderId).ToList();
        string Previous(int index, int steps, Func<(long, long?, DateTime, decimal, string, int?, int?, int?, int?), int?> member)
        {
            var sale = sales[index];
            var before = sales.Take(index).Where(o => o.Customer == sale.Customer && member(o) == member(sale)).Reverse().Skip(steps - 1).FirstOrDefault();
            return before.Customer is null ? "-" : before.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var expected = sales.Select((o, i) => string.Create(CultureInfo.InvariantCulture,
                $"{o.Customer} {o.Date:yyyy-MM-dd} {o.Date:yyyy-MM}-01 {o.Region} {o.Segment} {o.Channel} {o.Category} " +
                $"{Previous(i, 1, s => s.Item6)} {Previous(i, 1, s => s.Item7)} {Previous(i, 1, s => s.Item8)} {Previous(i, 1, s => s.Item9)} " +
                $"{Previous(i, 2, s => s.Item6)} {Previous(i, 2, s => s.Item7)} {Previous(i, 2, s => s.Item8)} {Previous(i, 2, s => s.Item9)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var stored = (await _db.RowsAsync<(long Customer, DateTime Date, DateTime Month, int? Region, int? Segment, int? Channel, int? Category, DateTime? PrevRegion, DateTime? PrevSegment, DateTime? PrevChannel, DateTime? PrevCategory,
                DateTime? Prev2Region, DateTime? Prev2Segment, DateTime? Prev2Channel, DateTime? Prev2Category)>(
                "SELECT customer_id, CAST(sale_date AS TIMESTAMP), CAST(month_start AS TIMESTAMP), region_id, segment_id, channel_id, category_id, CAST(prev_region_date AS TIMESTAMP), " +
                "CAST(prev_segment_date AS TIMESTAMP), CAST(prev_channel_date AS TIMESTAMP), CAST(prev_category_date AS TIMESTAMP), CAST(prev2_region_date AS TIMESTAMP), " +
                "CAST(prev2_segment_date AS TIMESTAMP), CAST(prev2_channel_date AS TIMESTAMP), CAST(prev2_category_date AS TIMESTAMP) FROM agg_member_chain"))
            .Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.Customer} {r.Date:yyyy-MM-dd} {r.Month:yyyy-MM-dd} {r.Region} {r.Segment} {r.Channel} {r.Category} {Day(r.PrevRegion)} {Day(r.PrevSegment)} {Day(r.PrevChannel)} {Day(r.PrevCategory)} " +
                $"{Day(r.Prev2Region)} {Day(r.Prev2Segment)} {Day(r.Prev2Channel)} {Day(r.Prev2Category)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(expected, e => !e.EndsWith("- - - - - - - -", StringComparison.Ordinal)); // some customer bought a member again
        Assert.Contains(expected, e => !e.EndsWith("- - - -", StringComparison.Ordinal)); // and a third time
        Assert.True(sales.Any(o => o.Category is null), "some sales name no category");
        Assert.Equal(expected, stored);

        // Each row's revenue and the customer's first-ever sale (of any member).
        var firsts = sales.GroupBy(o => o.Customer).ToDictionary(g => g.Key!.Value, g => g.Min(o => o.Date));
        var expectedSales = sales.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Customer} {o.Date:yyyy-MM-dd} {o.Revenue:F2} {firsts[o.Customer!.Value]:yyyy-MM-dd}"))
            .Order(StringComparer.Ordinal).ToList();
        var storedSales = (await _db.RowsAsync<(long Customer, DateTime Date, decimal Revenue, DateTime First)>(
                "SELECT customer_id, CAST(sale_date AS TIMESTAMP), revenue, CAST(first_date AS TIMESTAMP) FROM agg_member_chain"))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Customer} {r.Date:yyyy-MM-dd} {r.Revenue:F2} {r.First:yyyy-MM-dd}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(firsts.Count < sales.Count, "some customer bought more than once");
        Assert.Equal(expectedSales, storedSales);

        static string Day(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
    }

    /// <summary>
    /// agg_rep_sale_day, agg_opportunity_day, agg_open_pipeline and agg_activity_day as their
    /// definitions say (duckdb.sql), computed here from every order, opportunity and follow-up:
    /// sales with a rep summed per day, team and rep; won or lost opportunities counted per close
    /// day and rep, with the days from created to closed of the won ones; open ones per rep and
    /// stage; follow-ups counted per day and rep, by kind.
    /// </summary>
    private async Task TargetsAggregatesEqualTheFactsAsync()
    {
        var orders = await _db.RowsAsync<(DateTime Date, int? Team, int? Rep, decimal Revenue, string Status)>(
            "SELECT CAST(order_date AS TIMESTAMP), team_id, rep_id, revenue, status FROM fact_order");
        var expectedSales = orders
            .Where(o => o.Status != "cancelled" && o.Revenue > 0 && o.Rep is not null)
            .GroupBy(o => (o.Date, o.Team, o.Rep))
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {new DateTime(g.Key.Date.Year, g.Key.Date.Month, 1):yyyy-MM-dd} {g.Sum(o => o.Revenue):F2}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var storedSales = (await _db.RowsAsync<(DateTime Date, int? Team, int? Rep, DateTime Month, decimal Revenue)>(
                "SELECT CAST(sale_date AS TIMESTAMP), team_id, rep_id, CAST(month_start AS TIMESTAMP), revenue FROM agg_rep_sale_day"))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{(d.Date, d.Team, d.Rep)} {d.Month:yyyy-MM-dd} {d.Revenue:F2}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(orders.Count(o => o.Rep is not null && o.Date > new DateTime(2024, 4, 1)) > 3, "ingested sales name reps");
        Assert.Equal(expectedSales, storedSales);

        var opportunities = await _db.RowsAsync<(int Rep, DateTime Created, DateTime? Closed, string Stage)>(
            "SELECT rep_id, CAST(created_date AS TIMESTAMP), CAST(closed_date AS TIMESTAMP), stage FROM fact_opportunity");
        var expectedClosed = opportunities
            .Where(o => o.Stage is "won" or "lost")
            .GroupBy(o => (Closed: o.Closed!.Value, o.Rep))
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Key} {g.Count()} {g.Count(o => o.Stage == "won")} {g.Count(o => o.Stage == "lost")} {g.Where(o => o.Stage == "won").Sum(o => (o.Closed!.Value - o.Created).Days)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var storedClosed = (await _db.RowsAsync<(DateTime Closed, int Rep, long Count, long Won, long Lost, long Cycle)>(
                "SELECT CAST(closed_date AS TIMESTAMP), rep_id, closed, won, lost, won_cycle_days FROM agg_opportunity_day"))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{(d.Closed, d.Rep)} {d.Count} {d.Won} {d.Lost} {d.Cycle}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(opportunities.Count > 8, "opportunities were ingested");
        Assert.Equal(expectedClosed, storedClosed);

        // agg_open_pipeline: the open ones now per rep and stage, each weighted amount rounded to 4 places, then summed.
        var open = await _db.RowsAsync<(int Rep, string Stage, decimal Amount, decimal Probability)>(
            "SELECT o.rep_id, o.stage, o.amount, s.probability FROM fact_opportunity o JOIN dim_stage s ON s.stage = o.stage WHERE s.is_closed = 0");
        var expectedOpen = open
            .GroupBy(o => (o.Rep, o.Stage))
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Key} {g.Count()} {g.Sum(o => o.Amount):F2} {g.Sum(o => Math.Round(o.Amount * o.Probability, 4, MidpointRounding.AwayFromZero)):F4}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var storedOpen = (await _db.RowsAsync<(int Rep, string Stage, long Count, decimal Amount, decimal Weighted)>(
                "SELECT rep_id, stage, opportunities, amount, weighted_amount FROM agg_open_pipeline"))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{(d.Rep, d.Stage)} {d.Count} {d.Amount:F2} {d.Weighted:F4}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(open, o => o.Stage == "proposal" && o.Amount != 300); // an ingested one is open
        Assert.Equal(expectedOpen, storedOpen);

        var activities = await _db.RowsAsync<(DateTime Date, int Rep, string Kind)>(
            "SELECT CAST(activity_date AS TIMESTAMP), rep_id, kind FROM fact_activity");
        var expectedActivities = activities
            .GroupBy(a => (a.Date, a.Rep))
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Key} {g.Count()} {g.Count(a => a.Kind == "call")} {g.Count(a => a.Kind == "email")} {g.Count(a => a.Kind == "visit")} {g.Count(a => a.Kind == "meeting")}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var storedActivities = (await _db.RowsAsync<(DateTime Date, int Rep, long All, long Calls, long Emails, long Visits, long Meetings)>(
                "SELECT CAST(activity_date AS TIMESTAMP), rep_id, activities, calls, emails, visits, meetings FROM agg_activity_day"))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{(d.Date, d.Rep)} {d.All} {d.Calls} {d.Emails} {d.Visits} {d.Meetings}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(4, expectedActivities.Count); // (03-04, rep 1), (03-04, rep 3), (02-28, rep 3), (03-31, rep 2)
        Assert.Equal(expectedActivities, storedActivities);
    }

    /// <summary>
    /// agg_ticket_repeat, agg_ticket_day and agg_survey_day equal the facts after a random sequence
    /// of ticket and survey ingests (new, re-sent with another customer, category or day, answered
    /// and resolved later, backdated, anonymous), imports of tickets and of surveys and simulator
    /// steps, computed here from fact_ticket and fact_survey by their definitions (duckdb.sql).
    /// </summary>
    [Fact]
    public async Task The_service_aggregates_equal_the_facts_after_random_ticket_and_survey_writes()
    {
        var random = new Random(21);
        var ingest = _db.Get<IngestService>();
        var simulator = new LiveEventSimulator(ingest, _db.Runner, _db.Time, seed: 5);
        var today = new DateOnly(2024, 4, 15);
        string Stamp(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $" {random.Next(8, 18):D2}:{random.Next(0, 60):D2}";
        // Few customers and categories, dates within weeks of each other: many repeats and near misses (31 days).
        string Customer() => random.Next(7) == 0 ? "" : $"C{random.Next(1, 5)}";
        for (var step = 0; step < 30; step++)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    var ticketRecords = Enumerable.Range(0, random.Next(1, 6)).Select(n =>
                    {
                        var submitted = Stamp(today.AddDays(-random.Next(0, 70)));
                        return new IngestRecord(n + 1, new Dictionary<string, string?>
                        {
                            // Re-send one of the first ids now and then (another customer, category or day).
                            ["id"] = random.Next(3) == 0 ? $"TK{random.Next(0, 8)}" : $"TK{step}-{n}",
                            ["customer"] = Customer(),
                            ["category"] = random.Next(2) == 0 ? "billing" : "delivery",
                            ["channel"] = random.Next(2) == 0 ? "phone" : "email",
                            ["submitted"] = submitted,
                            ["firstresponse"] = random.Next(3) == 0 ? null : submitted[..11] + "19:00",
                            ["resolved"] = random.Next(2) == 0 ? null : submitted[..11] + "20:00",
                            ["waitseconds"] = random.Next(2) == 0 ? null : random.Next(0, 600).ToString(CultureInfo.InvariantCulture),
                            ["talkseconds"] = random.Next(2) == 0 ? null : random.Next(0, 900).ToString(CultureInfo.InvariantCulture),
                            // Every other ticket a complaint (agg_complaint_sale), without drawing from the sequence.
                            ["complaint"] = n % 2 == 0 ? "1" : null,
                        });
                    }).GroupBy(r => r.Fields["id"]).Select(g => g.First()).ToList();
                    await ingest.IngestAsync(IngestKind.Tickets, ticketRecords);
                    break;
                case 2:
                    var surveyRecords = Enumerable.Range(0, random.Next(1, 6)).Select(n => new IngestRecord(n + 1, new Dictionary<string, string?>
                    {
                        ["id"] = random.Next(3) == 0 ? $"SV{random.Next(0, 8)}" : $"SV{step}-{n}",
                        ["customer"] = Customer(),
                        ["date"] = today.AddDays(-random.Next(0, 70)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["csat"] = random.Next(4) == 0 ? null : random.Next(0, 101).ToString(CultureInfo.InvariantCulture),
                        ["rating"] = random.Next(4) == 0 ? null : random.Next(1, 11).ToString(CultureInfo.InvariantCulture),
                        ["recommend"] = random.Next(11).ToString(CultureInfo.InvariantCulture),
                    })).GroupBy(r => r.Fields["id"]).Select(g => g.First()).ToList();
                    await ingest.IngestAsync(IngestKind.Surveys, surveyRecords);
                    break;
                case 3:
                    await simulator.StepAsync(TimeSpan.FromSeconds(30), ordersPerSecond: 3);
                    break;
                default:
                    var day = today.AddDays(-random.Next(0, 70));
                    var ticketCsv = $"Ticket,Customer,Opened,Resolved,Type,Channel\nTK{random.Next(0, 8)},C{random.Next(1, 5)},{Stamp(day)},{day:yyyy-MM-dd} 23:00,billing,web\nIM{step},C{random.Next(1, 5)},{Stamp(day.AddDays(-random.Next(0, 40)))},,delivery,chat\n";
                    Assert.Null((await _db.ImportAsync(ImportKind.Tickets, ticketCsv, "id=Ticket,customer=Customer,submitted=Opened,resolved=Resolved,category=Type,channel=Channel")).FatalError);
                    var surveyCsv = $"Id,Customer,Date,Csat,Nps\nSV{random.Next(0, 8)},C{random.Next(1, 5)},{day:yyyy-MM-dd},{random.Next(0, 101)},{random.Next(11)}\n";
                    Assert.Null((await _db.ImportAsync(ImportKind.Surveys, surveyCsv, "id=Id,customer=Customer,date=Date,csat=Csat,recommend=Nps")).FatalError);
                    break;
            }
            _db.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 90)));
        }

        // agg_ticket_repeat: a ticket of a customer repeats when the same customer submitted one of
        // the same category before it (same moment: lower id), at most 30 calendar days earlier.
        var tickets = await _db.RowsAsync<(long Id, long? Customer, string Category, DateTime Submitted, DateTime? Responded, DateTime? Resolved, int? Wait, int? Talk)>(
            "SELECT ticket_id, customer_id, category, submitted_at, first_response_at, resolved_at, wait_seconds, talk_seconds FROM fact_ticket");
        var expectedRepeats = tickets
            .Where(t => t.Customer is not null && tickets.Any(p => p.Customer == t.Customer && p.Category == t.Category
                && (p.Submitted < t.Submitted || (p.Submitted == t.Submitted && p.Id < t.Id))
                && p.Submitted.Date >= t.Submitted.Date.AddDays(-30)))
            .Select(t => (t.Id, t.Customer!.Value, t.Submitted, new DateTime(t.Submitted.Year, t.Submitted.Month, 1)))
            .OrderBy(t => t.Id)
            .ToList();
        var storedRepeats = await _db.RowsAsync<(long, long, DateTime, DateTime)>(
            "SELECT ticket_id, customer_id, submitted_at, CAST(month_start AS TIMESTAMP) FROM agg_ticket_repeat ORDER BY ticket_id");
        Assert.True(expectedRepeats.Count >= 5, "the writes made repeats");
        Assert.Contains(tickets, t => t.Customer is null); // an anonymous ticket, never a repeat
        Assert.Contains(tickets, t => t.Customer is not null && expectedRepeats.All(r => r.Id != t.Id));
        Assert.Equal(expectedRepeats, storedRepeats);

        // agg_ticket_day: per submission day, tickets, resolved, answered and their seconds, calls' wait and talk.
        static long Seconds(DateTime from, DateTime? to) => to is { } t ? (long)(t - from).TotalSeconds : 0;
        var expectedTicketDays = tickets
            .GroupBy(t => t.Submitted.Date)
            .Select(g => (g.Key, (long)g.Count(), (long)g.Count(t => t.Resolved is not null), (long)g.Count(t => t.Responded is not null),
                g.Sum(t => Seconds(t.Submitted, t.Responded)), g.Sum(t => Seconds(t.Submitted, t.Resolved)),
                (long)g.Count(t => t.Wait is not null), g.Sum(t => (long)(t.Wait ?? 0)), (long)g.Count(t => t.Talk is not null), g.Sum(t => (long)(t.Talk ?? 0))))
            .OrderBy(d => d.Key)
            .ToList();
        var storedTicketDays = await _db.RowsAsync<(DateTime, long, long, long, long, long, long, long, long, long)>(
            "SELECT CAST(submitted_date AS TIMESTAMP), tickets, resolved, responded, response_seconds_total, resolution_seconds_total, " +
            "calls_waited, wait_seconds_total, calls_talked, talk_seconds_total FROM agg_ticket_day ORDER BY submitted_date");
        Assert.Contains(tickets, t => t.Resolved is not null);
        Assert.Equal(expectedTicketDays, storedTicketDays);

        // agg_survey_day: per day, CSAT answers and total, NPS answers, promoters (9-10) and detractors
        // (0-6), CSAT bands (90+, 70-89, 50-69, 0-49), ratings and their total, rating bands (9+, 7-8, 5-6, 1-4).
        var surveys = await _db.RowsAsync<(DateTime Date, int? Csat, int? Rating, int? Recommend)>(
            "SELECT CAST(survey_date AS TIMESTAMP), csat, service_rating, recommend FROM fact_survey");
        var expectedSurveyDays = surveys
            .GroupBy(s => s.Date)
            .Select(g => string.Join(' ', new object[]
            {
                g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                g.Count(s => s.Csat is not null), g.Sum(s => s.Csat ?? 0), g.Count(s => s.Recommend is not null),
                g.Count(s => s.Recommend >= 9), g.Count(s => s.Recommend <= 6),
                g.Count(s => s.Csat >= 90), g.Count(s => s.Csat is >= 70 and < 90), g.Count(s => s.Csat is >= 50 and < 70), g.Count(s => s.Csat < 50),
                g.Count(s => s.Rating is not null), g.Sum(s => s.Rating ?? 0),
                g.Count(s => s.Rating >= 9), g.Count(s => s.Rating is >= 7 and < 9), g.Count(s => s.Rating is >= 5 and < 7), g.Count(s => s.Rating < 5),
            }))
            .Order(StringComparer.Ordinal)
            .ToList();
        var storedSurveyDays = (await _db.RowsAsync<(DateTime Date, long A, long B, long C, long D, long E, long F, long G, long H, long I, long J, long K, long L, long M, long N, long O)>(
                "SELECT CAST(survey_date AS TIMESTAMP), csat_responses, csat_total, nps_respondents, promoters, detractors, csat_very_satisfied, csat_satisfied, " +
                "csat_neutral, csat_dissatisfied, service_ratings, service_rating_total, service_excellent, service_good, service_pass, service_fail FROM agg_survey_day"))
            .Select(d => string.Join(' ', new object[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.A, d.B, d.C, d.D, d.E, d.F, d.G, d.H, d.I, d.J, d.K, d.L, d.M, d.N, d.O }))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(surveys.Count > 20, "the writes made surveys");
        Assert.Equal(expectedSurveyDays, storedSurveyDays);

        // agg_complaint_sale: per customer and complaint day, their latest sale before the day and
        // the first on or after it (a sale: not cancelled, revenue above 0), and that one's month.
        var sales = await _db.RowsAsync<(long Customer, DateTime Date)>(
            "SELECT customer_id, CAST(order_date AS TIMESTAMP) FROM fact_order WHERE customer_id IS NOT NULL AND status <> 'cancelled' AND revenue > 0");
        var expectedComplaints = (await _db.RowsAsync<(long Customer, DateTime Day)>(
                "SELECT DISTINCT customer_id, CAST(CAST(submitted_at AS DATE) AS TIMESTAMP) FROM fact_ticket WHERE is_complaint = 1 AND customer_id IS NOT NULL"))
            .Select(k =>
            {
                var own = sales.Where(s => s.Customer == k.Customer).Select(s => s.Date).ToList();
                DateTime? before = own.Where(d => d < k.Day).Select(d => (DateTime?)d).Max();
                DateTime? after = own.Where(d => d >= k.Day).Select(d => (DateTime?)d).Min();
                return (k.Customer, k.Day, new DateTime(k.Day.Year, k.Day.Month, 1), before, after, after is { } a ? new DateTime(a.Year, a.Month, 1) : (DateTime?)null);
            })
            .OrderBy(k => k.Customer).ThenBy(k => k.Day)
            .ToList();
        var storedComplaints = await _db.RowsAsync<(long, DateTime, DateTime, DateTime?, DateTime?, DateTime?)>(
            "SELECT customer_id, CAST(complaint_day AS TIMESTAMP), CAST(month_start AS TIMESTAMP), CAST(prev_sale AS TIMESTAMP), CAST(next_sale AS TIMESTAMP), CAST(next_month AS TIMESTAMP) FROM agg_complaint_sale ORDER BY 1, 2");
        Assert.True(expectedComplaints.Count(k => k.before is not null && k.after is not null) >= 2, "complaints between two sales");
        Assert.Contains(expectedComplaints, k => k.before is null || k.after is null);
        Assert.Equal(expectedComplaints, storedComplaints);
    }

    /// <summary>
    /// agg_touch_conversion and agg_category_chain as their definitions say (duckdb.sql), computed
    /// here from every touch, campaign and order: a touch of a known campaign converted when a sale
    /// of its customer falls on a day in [sent date, campaign end + attribution days); a categorized
    /// sale's next other-category date is the first later categorized sale of another category.
    /// </summary>
    private async Task MarketingAggregatesEqualTheFactsAsync()
    {
        var orders = await _db.RowsAsync<(long OrderId, long? Customer, DateTime Date, decimal Revenue, string Status, int? Category)>(
            "SELECT order_id, customer_id, CAST(order_date AS TIMESTAMP), revenue, status, category_id FROM fact_order");
        var sales = orders.Where(o => o.Customer is not null && o.Status != "cancelled" && o.Revenue > 0).ToList();
        var saleDays = sales.ToLookup(o => o.Customer!.Value, o => o.Date);
        var campaigns = (await _db.RowsAsync<(int Campaign, DateTime End, int Days)>(
            "SELECT campaign_id, CAST(end_date AS TIMESTAMP), attribution_days FROM dim_campaign")).ToDictionary(c => c.Campaign);
        var touches = await _db.RowsAsync<(long Customer, int Campaign, DateTime Sent, int Responded)>(
            "SELECT customer_id, campaign_id, CAST(sent_date AS TIMESTAMP), responded FROM fact_campaign_touch");
        var expectedConversions = touches
            .Where(t => campaigns.ContainsKey(t.Campaign))
            .Select(t => (t.Customer, t.Campaign, t.Sent, t.Responded,
                Converted: saleDays[t.Customer].Any(d => d >= t.Sent && d < campaigns[t.Campaign].End.AddDays(campaigns[t.Campaign].Days)) ? 1 : 0))
            .GroupBy(t => t.Customer)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(t => t.Sent).ThenBy(t => t.Campaign).ToList();
                // The latest sent date among the touches before the i-th that match (null: none).
                DateTime? Before(int i, Func<(long, int Campaign, DateTime, int Responded, int Converted), bool> which) =>
                    ordered.Take(i).Where(which).Select(p => (DateTime?)p.Item3).Max();
                return ordered.Select((t, i) => (t.Customer, t.Campaign, t.Sent, t.Responded, t.Converted,
                    i >= 1 ? ordered[i - 1].Sent : (DateTime?)null,
                    Before(i, p => p.Responded == 1), Before(i, p => p.Converted == 1), Before(i, p => p.Responded == 1 && p.Converted == 1),
                    Before(i, p => p.Campaign == t.Campaign), Before(i, p => p.Campaign == t.Campaign && p.Responded == 1),
                    Before(i, p => p.Campaign == t.Campaign && p.Converted == 1)));
            })
            .OrderBy(r => r.Customer).ThenBy(r => r.Sent).ThenBy(r => r.Campaign)
            .ToList();
        var storedConversions = await _db.RowsAsync<(long, int, DateTime, int, int, DateTime?, DateTime?, DateTime?, DateTime?, DateTime?, DateTime?, DateTime?)>(
            "SELECT customer_id, campaign_id, CAST(sent_date AS TIMESTAMP), responded, converted, CAST(prev_date AS TIMESTAMP), " +
            "CAST(prev_response_date AS TIMESTAMP), CAST(prev_converted_date AS TIMESTAMP), CAST(prev_responded_converted_date AS TIMESTAMP), " +
            "CAST(prev_campaign_date AS TIMESTAMP), CAST(prev_campaign_response_date AS TIMESTAMP), CAST(prev_campaign_converted_date AS TIMESTAMP) " +
            "FROM agg_touch_conversion ORDER BY customer_id, sent_date, campaign_id");
        Assert.Contains(expectedConversions, r => r.Converted == 1);
        Assert.Contains(expectedConversions, r => r.Converted == 0);
        Assert.Equal(expectedConversions, storedConversions);
        // agg_conversion_pair: those rows counted per sent day and the date of the touch itself and
        // of its previous touch (steps 0, 1), of the responded (2, 3), converted (4, 5) and
        // responded-and-converted ones (6, 7); NULL previous dates have no row.
        var expectedConversionPairs = PairCounts(expectedConversions
            .SelectMany(t => new[]
            {
                (t.Sent, 0, (DateTime?)t.Sent), (t.Sent, 1, t.Item6),
                (t.Sent, 2, t.Responded == 1 ? t.Sent : null), (t.Sent, 3, t.Responded == 1 ? t.Item7 : null),
                (t.Sent, 4, t.Converted == 1 ? t.Sent : null), (t.Sent, 5, t.Converted == 1 ? t.Item8 : null),
                (t.Sent, 6, t.Responded == 1 && t.Converted == 1 ? t.Sent : null), (t.Sent, 7, t.Responded == 1 && t.Converted == 1 ? t.Item9 : null),
            }));
        var storedConversionPairs = await StoredPairCountsAsync("agg_conversion_pair");
        Assert.Contains(expectedConversionPairs, p => p.Item3 == 5); // a conversion after an earlier one
        Assert.Contains(expectedConversionPairs, p => p.Item3 == 7);
        Assert.Equal(expectedConversionPairs, storedConversionPairs);

        var expectedCategories = sales
            .Where(o => o.Category is not null)
            .GroupBy(o => o.Customer!.Value)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(o => o.Date).ThenBy(o => o.OrderId).ToList();
                return ordered.Select((o, i) =>
                {
                    var other = ordered.Skip(i + 1).Where(n => n.Category != o.Category).Select(n => (DateTime?)n.Date).FirstOrDefault();
                    return (g.Key, o.Date, new DateTime(o.Date.Year, o.Date.Month, 1), i >= 1 ? ordered[i - 1].Date : (DateTime?)null,
                        other, other is { } day ? new DateTime(day.Year, day.Month, 1) : (DateTime?)null);
                });
            })
            .OrderBy(r => r.Key).ThenBy(r => r.Date).ThenBy(r => r.Item4 ?? DateTime.MinValue).ThenBy(r => r.other ?? DateTime.MinValue)
            .ToList();
        var storedCategories = await _db.RowsAsync<(long, DateTime, DateTime, DateTime?, DateTime?, DateTime?)>(
            "SELECT customer_id, CAST(sale_date AS TIMESTAMP), CAST(month_start AS TIMESTAMP), CAST(prev_date AS TIMESTAMP), " +
            "CAST(next_other_date AS TIMESTAMP), CAST(next_other_month AS TIMESTAMP) FROM agg_category_chain ORDER BY 1, 2, 4 NULLS FIRST, 5 NULLS FIRST");
        Assert.Contains(expectedCategories, r => r.other is not null);
        Assert.True(sales.Any(o => o.Category is null), "some sales name no category (ingested without one)");
        Assert.Equal(expectedCategories, storedCategories);
    }

    /// <summary>
    /// A pair table's rows as its definition says (agg_touch_pair, agg_conversion_pair): the (sent
    /// day, step, prior date) of each touch counted per day, step and prior date, with the day's
    /// month; a NULL prior date has no row.
    /// </summary>
    private static List<(DateTime Sent, DateTime Month, int Step, DateTime Prior, long Touches)> PairCounts(IEnumerable<(DateTime Sent, int Step, DateTime? Prior)> rows) =>
        [.. rows.Where(p => p.Prior is not null)
            .GroupBy(p => p)
            .Select(g => (g.Key.Sent, new DateTime(g.Key.Sent.Year, g.Key.Sent.Month, 1), g.Key.Step, g.Key.Prior!.Value, (long)g.Count()))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item3).ThenBy(p => p.Item4)];

    /// <summary>A pair table's rows in <see cref="PairCounts"/>' order.</summary>
    private async Task<List<(DateTime Sent, DateTime Month, int Step, DateTime Prior, long Touches)>> StoredPairCountsAsync(string table) =>
        [.. await _db.RowsAsync<(DateTime, DateTime, int, DateTime, long)>(
            $"SELECT CAST(sent_date AS TIMESTAMP), CAST(month_start AS TIMESTAMP), CAST(step AS INTEGER), CAST(prior_date AS TIMESTAMP), touches FROM {table} ORDER BY 1, 3, 4")];

    /// <summary>Per sale of a customer (by date, then order id): the next sale's date and the customer's revenue and sales up to and including it.</summary>
    private async Task<List<string>> ExpectedLifetimesAsync()
    {
        var orders = await _db.RowsAsync<(long OrderId, long? Customer, DateTime Date, decimal Revenue, string Status)>(
            "SELECT order_id, customer_id, CAST(order_date AS TIMESTAMP), revenue, status FROM fact_order");
        return [.. orders.Where(o => o.Customer is not null && o.Status != "cancelled" && o.Revenue > 0)
            .GroupBy(o => o.Customer!.Value)
            .OrderBy(g => g.Key)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(o => o.Date).ThenBy(o => o.OrderId).ToList();
                return ordered.Select((o, i) => string.Create(CultureInfo.InvariantCulture,
                    $"{g.Key} {o.Date:yyyy-MM-dd} {(i + 1 < ordered.Count ? ordered[i + 1].Date : (DateTime?)null):yyyy-MM-dd} {ordered.Take(i + 1).Sum(x => x.Revenue):F2} {i + 1}"));
            })];
    }

    /// <summary>The aggregates as their definitions say, computed here from every order.</summary>
    private async Task<(List<(long, long, DateTime)> FirstSales, List<(long, DateTime, DateTime, DateTime?, DateTime?, DateTime, decimal)> Chain, List<(DateTime, DateTime, DateTime, DateTime, long, long)> Cohorts)> ExpectedAsync()
    {
        var orders = await _db.RowsAsync<(long OrderId, long? Customer, DateTime Date, decimal Revenue, string Status)>(
            "SELECT order_id, customer_id, CAST(order_date AS TIMESTAMP), revenue, status FROM fact_order");
        var sales = orders.Where(o => o.Customer is not null && o.Status != "cancelled" && o.Revenue > 0).ToList();
        var firstSales = sales
            .GroupBy(o => o.Customer!.Value)
            .SelectMany(g => g.Where(o => o.Date == g.Min(x => x.Date)).Select(o => (g.Key, o.OrderId, o.Date)))
            .OrderBy(r => r.Key).ThenBy(r => r.OrderId)
            .ToList();
        var chain = sales
            .GroupBy(o => o.Customer!.Value)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(o => o.Date).ThenBy(o => o.OrderId).ToList();
                return ordered.Select((o, i) => (g.Key, Date: o.Date, Month(o.Date),
                    i >= 1 ? ordered[i - 1].Date : (DateTime?)null, i >= 2 ? ordered[i - 2].Date : (DateTime?)null, First: ordered[0].Date, o.Revenue));
            })
            .OrderBy(r => r.Key).ThenBy(r => r.Date).ThenBy(r => r.Item4 ?? DateTime.MinValue).ThenBy(r => r.Item5 ?? DateTime.MinValue).ThenBy(r => r.Revenue)
            .ToList();
        // Per customer and month they bought in: (their first sale, their first sale in the month),
        // counted, and counted as retained when they also bought in the calendar month before.
        var cohorts = sales
            .GroupBy(o => o.Customer!.Value)
            .SelectMany(g =>
            {
                var months = g.Select(o => Month(o.Date)).ToHashSet();
                return g.GroupBy(o => Month(o.Date)).Select(m => (First: g.Min(o => o.Date), Active: m.Min(o => o.Date), Retained: months.Contains(m.Key.AddMonths(-1))));
            })
            .GroupBy(c => (c.First, c.Active))
            .Select(c => (c.Key.First, Month(c.Key.First), c.Key.Active, Month(c.Key.Active), (long)c.Count(), (long)c.Count(x => x.Retained)))
            .OrderBy(c => c.First).ThenBy(c => c.Active)
            .ToList();
        return (firstSales, chain, cohorts);

        static DateTime Month(DateTime day) => new(day.Year, day.Month, 1);
    }
}
