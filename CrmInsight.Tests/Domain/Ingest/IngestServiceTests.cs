using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Ingest;

/// <summary>The ingest write path on the golden dataset (today is 2024-04-15 on the test clock).</summary>
public sealed class IngestServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private IngestService _ingest = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        _ingest = new IngestService(_db.Database, _db.Runner, _db.Versions, _db.Aggregates, new WriteGate(), _db.Time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static IngestRecord Record(int number, params (string Field, string? Value)[] fields) =>
        new(number, fields.ToDictionary(f => IngestBodyReader.NormalizeName(f.Field), f => f.Value));

    private Task<long> Count(string sql) => _db.ScalarAsync<long>(sql);

    [Fact]
    public async Task Orders_are_written_with_their_snapshots_and_new_customers_are_created()
    {
        var version = await _db.Versions.ReadAsync();

        var result = await _ingest.IngestAsync(IngestKind.Orders,
        [
            // Known customer C4 (region South, segment Enterprise), sold by Rep One (North team).
            Record(1, ("id", "W1"), ("customer", "C4"), ("date", "2024-04-14"), ("revenue", "120.50"), ("cost", "70"), ("items", "2"), ("rep", "rep one"), ("channel", "Online")),
            // A customer never seen before, in the North.
            Record(2, ("id", "W2"), ("customer", "NEW-1"), ("date", "2024-04-14"), ("revenue", "80"), ("region", "North")),
            // Anonymous.
            Record(3, ("id", "W3"), ("date", "2024-04-13"), ("revenue", "15"), ("region", "South"), ("status", "Cancelled")),
        ]);

        Assert.Equal(3, result.Records);
        Assert.Equal(1, result.CustomersCreated);
        Assert.Equal(version + 1, result.DataVersion);
        // W1: customer 4, team 1 (Rep One's), region 2 and segment 1 (the customer's), channel 1.
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_order WHERE order_code = 'W1' AND customer_id = 4 AND rep_id = 1 AND team_id = 1 AND region_id = 2 AND segment_id = 1 AND channel_id = 1 AND revenue = 120.50 AND cost = 70 AND items = 2 AND status = 'completed'"));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_order o JOIN dim_customer c ON c.customer_id = o.customer_id WHERE o.order_code = 'W2' AND c.customer_code = 'NEW-1' AND c.region_id = 1 AND o.region_id = 1 AND c.acquired_date = DATE '2024-04-14' AND c.customer_id = 7"));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_order WHERE order_code = 'W3' AND customer_id IS NULL AND region_id = 2 AND status = 'cancelled' AND cost = 0 AND items = 1"));
    }

    [Fact]
    public async Task Sending_the_same_orders_again_replaces_them()
    {
        IngestRecord[] batch = [Record(1, ("id", "W1"), ("customer", "C1"), ("date", "2024-04-14"), ("revenue", "100"))];
        await _ingest.IngestAsync(IngestKind.Orders, batch);

        var again = await _ingest.IngestAsync(IngestKind.Orders, [Record(1, ("id", "W1"), ("customer", "C1"), ("date", "2024-04-14"), ("revenue", "110"))]);

        Assert.Equal(1, again.Replaced);
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_order WHERE order_code = 'W1'"));
        Assert.Equal(110m, await _db.ScalarAsync<decimal>("SELECT revenue FROM fact_order WHERE order_code = 'W1'"));
        // The golden data's 14 orders are untouched.
        Assert.Equal(15, await Count("SELECT COUNT(*) FROM fact_order"));
    }

    [Fact]
    public async Task One_bad_record_refuses_the_request_and_writes_nothing()
    {
        var version = await _db.Versions.ReadAsync();

        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(IngestKind.Orders,
        [
            Record(1, ("id", "W1"), ("customer", "NEW-9"), ("date", "2024-04-14"), ("revenue", "100")),
            Record(2, ("id", "W2"), ("date", "2024-13-01"), ("revenue", "-5"), ("region", "Mars"), ("colour", "red")),
            Record(3, ("id", "W1"), ("date", "2024-04-14"), ("revenue", "1")),
        ]));

        Assert.Contains(refused.Problems, p => p is { Record: 2, Field: "date" } && p.Message.Contains("yyyy-MM-dd", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p is { Record: 2, Field: "revenue" });
        Assert.Contains(refused.Problems, p => p is { Record: 2, Field: "region" } && p.Message.Contains("North, South", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p is { Record: 2, Field: "colour" });
        Assert.Contains(refused.Problems, p => p is { Record: 3, Field: "id" } && p.Message.Contains("record 1", StringComparison.Ordinal));
        Assert.DoesNotContain(refused.Problems, p => p.Record == 1);
        Assert.Equal(14, await Count("SELECT COUNT(*) FROM fact_order"));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM dim_customer WHERE customer_code = 'NEW-9'"));
        Assert.Equal(version, await _db.Versions.ReadAsync());
    }

    [Theory]
    [InlineData("returned", "500", "more than the order's revenue")]
    [InlineData("items", "0", "outside 1..")]
    [InlineData("revenue", "12.345", "more than two decimals")]
    [InlineData("revenue", "1,200", "not a number")]
    [InlineData("status", "shipped", "not one of: completed, cancelled")]
    [InlineData("date", "2024-04-20", "in the future")]
    [InlineData("date", "1999-12-31", "outside the years 2000–2049")]
    public async Task Order_rules_name_the_field(string field, string value, string message)
    {
        var fields = new Dictionary<string, string?> { ["id"] = "W1", ["date"] = "2024-04-14", ["revenue"] = "100", [field] = value };

        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(IngestKind.Orders, [new IngestRecord(1, fields)]));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickets_take_blank_times_as_not_yet_and_an_update_replaces_the_ticket()
    {
        await _ingest.IngestAsync(IngestKind.Tickets,
            [Record(1, ("id", "T-9"), ("customer", "C2"), ("category", "Billing"), ("channel", "phone"), ("submitted", "2024-04-14 09:00"), ("firstResponse", ""), ("complaint", "yes"), ("agent", "agent"))]);
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_ticket WHERE ticket_code = 'T-9' AND customer_id = 2 AND category = 'billing' AND first_response_at IS NULL AND resolved_at IS NULL AND is_complaint = 1 AND agent_id = 1"));

        await _ingest.IngestAsync(IngestKind.Tickets,
            [Record(1, ("id", "T-9"), ("customer", "C2"), ("category", "billing"), ("channel", "phone"), ("submitted", "2024-04-14 09:00"), ("first_response", "2024-04-14T09:02:30"), ("resolved", "2024-04-14 10:00:00"), ("complaint", "1"))]);

        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_ticket WHERE ticket_code = 'T-9'"));
        // 150 s to the first response, 3600 s to resolution, through the view every query reads.
        Assert.Equal(150, await Count("SELECT response_seconds FROM v_ticket WHERE ticket_code = 'T-9'"));
        Assert.Equal(3600, await Count("SELECT resolution_seconds FROM v_ticket WHERE ticket_code = 'T-9'"));
    }

    [Fact]
    public async Task Ticket_times_before_submission_and_unknown_customers_are_refused()
    {
        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(IngestKind.Tickets,
            [Record(4, ("id", "T-1"), ("customer", "NOPE"), ("category", "billing"), ("channel", "fax"), ("submitted", "2024-04-14 09:00"), ("resolved", "2024-04-14 08:00"))]));

        Assert.Equal(["channel", "customer", "resolved"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(refused.Problems, p => Assert.Equal(4, p.Record));
    }

    [Fact]
    public async Task Surveys_touches_and_opportunities_are_written()
    {
        await _ingest.IngestAsync(IngestKind.Surveys, [Record(1, ("id", "S-9"), ("customer", "C1"), ("date", "2024-04-14"), ("csat", "88"), ("recommend", "9"))]);
        await _ingest.IngestAsync(IngestKind.Touches, [Record(1, ("campaign", "Spring mail"), ("customer", "C6"), ("sent", "2024-04-10"), ("respondedDate", "2024-04-11"), ("converted", "true"))]);
        await _ingest.IngestAsync(IngestKind.Opportunities, [Record(1, ("id", "OP-9"), ("rep", "Rep Three"), ("customer", "C6"), ("created", "2024-04-01"), ("stage", "won"), ("closed", "2024-04-12"), ("amount", "900"))]);

        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_survey WHERE survey_code = 'S-9' AND customer_id = 1 AND csat = 88 AND service_rating IS NULL AND recommend = 9 AND touchpoint = 'service'"));
        // A response date without "responded" means it responded.
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_campaign_touch WHERE campaign_id = 1 AND customer_id = 6 AND sent_date = DATE '2024-04-10' AND responded = 1 AND responded_date = DATE '2024-04-11' AND converted = 1"));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_opportunity WHERE opportunity_code = 'OP-9' AND rep_id = 3 AND customer_id = 6 AND stage = 'won' AND closed_date = DATE '2024-04-12' AND amount = 900"));
    }

    [Fact]
    public async Task A_touch_is_identified_by_campaign_customer_and_send_date()
    {
        IngestRecord Touch(string converted) => Record(1, ("campaign", "Spring mail"), ("customer", "C6"), ("sent", "2024-04-10"), ("responded", "yes"), ("converted", converted));
        await _ingest.IngestAsync(IngestKind.Touches, [Touch("no")]);

        await _ingest.IngestAsync(IngestKind.Touches, [Touch("yes")]);

        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_campaign_touch WHERE customer_id = 6 AND sent_date = DATE '2024-04-10'"));
        Assert.Equal(1, await Count("SELECT converted FROM fact_campaign_touch WHERE customer_id = 6 AND sent_date = DATE '2024-04-10'"));
    }

    [Theory]
    [InlineData("won", null, "needs the date it closed")]
    [InlineData("proposal", "2024-04-12", "still open")]
    public async Task Opportunity_stage_and_close_date_must_agree(string stage, string? closed, string message)
    {
        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(IngestKind.Opportunities,
            [Record(1, ("id", "OP-1"), ("rep", "Rep One"), ("created", "2024-04-01"), ("stage", stage), ("closed", closed), ("amount", "10"))]));

        Assert.Contains(message, Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_records_only_the_areas_it_touched()
    {
        await _ingest.IngestAsync(IngestKind.Surveys, [Record(1, ("id", "S-9"), ("customer", "C1"), ("date", "2024-04-14"), ("csat", "88"))]);

        var snapshot = await _db.Versions.ReadSnapshotAsync();

        Assert.Equal(snapshot.Version, snapshot.AreaVersions["fact_survey"]);
        Assert.False(snapshot.AreaVersions.ContainsKey("fact_order"));
    }

    [Fact]
    public async Task Ingested_orders_move_the_revenue_kpi_by_their_amount()
    {
        // April 2024 before: no golden orders. After: 120.50 + 80 completed; the cancelled 15 does not count.
        var april = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 15));
        await _ingest.IngestAsync(IngestKind.Orders,
        [
            Record(1, ("id", "W1"), ("customer", "C4"), ("date", "2024-04-14"), ("revenue", "120.50")),
            Record(2, ("id", "W2"), ("customer", "NEW-1"), ("date", "2024-04-14"), ("revenue", "80")),
            Record(3, ("id", "W3"), ("date", "2024-04-13"), ("revenue", "15"), ("status", "cancelled")),
        ]);

        var report = await _db.Kpis.GetKpisAsync(april, DataScope.All, ["revenue", "orders"]);

        Assert.Equal(200.50m, report["revenue"].Value);
        Assert.Equal(2m, report["orders"].Value);
    }

    [Fact]
    public async Task Several_kinds_in_one_call_are_one_transaction_and_one_version()
    {
        var version = await _db.Versions.ReadAsync();

        var results = await _ingest.IngestAsync(
        [
            (IngestKind.Orders, [Record(1, ("id", "W1"), ("customer", "NEW-5"), ("date", "2024-04-14"), ("revenue", "10"))]),
            // The ticket names the customer the order part of the same call creates.
            (IngestKind.Tickets, [Record(1, ("id", "T-5"), ("customer", "NEW-5"), ("category", "delivery"), ("channel", "chat"), ("submitted", "2024-04-14 10:00"))]),
        ]);

        Assert.Equal(version + 1, await _db.Versions.ReadAsync());
        Assert.All(results, r => Assert.Equal(version + 1, r.DataVersion));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM fact_ticket t JOIN dim_customer c ON c.customer_id = t.customer_id WHERE c.customer_code = 'NEW-5'"));
    }

    [Fact]
    public async Task A_bad_record_in_a_later_part_undoes_the_earlier_parts()
    {
        await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(
        [
            (IngestKind.Orders, [Record(1, ("id", "W1"), ("customer", "NEW-6"), ("date", "2024-04-14"), ("revenue", "10"))]),
            (IngestKind.Surveys, [Record(1, ("id", "S-6"), ("customer", "C1"), ("date", "2024-04-14"), ("csat", "101"))]),
        ]));

        Assert.Equal(0, await Count("SELECT COUNT(*) FROM fact_order WHERE order_code = 'W1'"));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM dim_customer WHERE customer_code = 'NEW-6'"));
    }
}
