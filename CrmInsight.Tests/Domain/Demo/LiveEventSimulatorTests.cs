using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Demo;

/// <summary>The simulator on the golden dataset, at 11:00 on the test clock (a busy hour: rhythm 1.5 / 0.8425 = 1.78).</summary>
public sealed class LiveEventSimulatorTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private LiveEventSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2024, 4, 15, 11, 0, 0, TimeSpan.Zero));
        await _db.ExecuteAsync(GoldenDataset.Sql);
        var ingest = new IngestService(_db.Database, _db.Runner, _db.Versions, _db.Aggregates, new WriteGate(), _db.Time);
        _simulator = new LiveEventSimulator(ingest, _db.Runner, _db.Time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Writes_orders_tickets_surveys_and_responses_through_the_ingest_path()
    {
        var version = await _db.Versions.ReadAsync();
        var steps = new List<SimulatedStep>();
        for (var i = 0; i < 20; i++)
        {
            steps.Add(await _simulator.StepAsync(TimeSpan.FromSeconds(1), ordersPerSecond: 2));
            _db.Time.Advance(TimeSpan.FromSeconds(1));
        }

        // 20 s at 2 orders/s × 1.78 ≈ 71 orders expected (Poisson, sd ≈ 8.4); far from 0 and from 200.
        var orders = steps.Sum(s => s.Orders);
        Assert.InRange(orders, 35, 110);
        Assert.Equal(orders, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order WHERE order_code LIKE 'LIVE-%'"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order WHERE order_code LIKE 'LIVE-%' AND order_date <> DATE '2024-04-15'"));
        Assert.True(await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_ticket WHERE ticket_code LIKE 'LIVE-%'") > 0);
        Assert.True(await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_survey WHERE survey_code LIKE 'LIVE-%' AND csat BETWEEN 0 AND 100") > 0);
        Assert.True(await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_campaign_touch WHERE sent_date = DATE '2024-04-15' AND responded = 1") > 0);
        Assert.True(await _db.Versions.ReadAsync() > version);
    }

    [Fact]
    public async Task Tickets_get_answered_and_resolved_as_time_goes_by()
    {
        for (var i = 0; i < 10; i++)
        {
            await _simulator.StepAsync(TimeSpan.FromSeconds(1), ordersPerSecond: 4);
            _db.Time.Advance(TimeSpan.FromSeconds(1));
        }
        var opened = await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_ticket WHERE ticket_code LIKE 'LIVE-%'");
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_ticket WHERE ticket_code LIKE 'LIVE-%' AND resolved_at IS NOT NULL"));

        // Ten minutes later every ticket opened in the first ten seconds has been answered and resolved.
        for (var i = 0; i < 40; i++)
        {
            _db.Time.Advance(TimeSpan.FromSeconds(15));
            await _simulator.StepAsync(TimeSpan.FromMilliseconds(1), ordersPerSecond: 0.001);
        }

        Assert.True(opened > 0);
        Assert.Equal(opened, await _db.ScalarAsync<long>(
            "SELECT COUNT(*) FROM fact_ticket WHERE ticket_code LIKE 'LIVE-%' AND submitted_at < TIMESTAMP '2024-04-15 11:00:10' AND resolved_at >= first_response_at AND first_response_at > submitted_at"));
        // Updates replaced the tickets; none is duplicated.
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM (SELECT ticket_code FROM fact_ticket GROUP BY ticket_code HAVING COUNT(*) > 1) d"));
    }

    [Fact]
    public void The_daily_rhythm_is_quiet_at_night_and_busy_in_the_evening()
    {
        Assert.True(LiveEventSimulator.Rhythm(3) < 0.1);
        Assert.True(LiveEventSimulator.Rhythm(20) > 1.5);
        Assert.Equal(1.0, Enumerable.Range(0, 24).Average(LiveEventSimulator.Rhythm), precision: 9);
    }
}
