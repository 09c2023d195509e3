using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Storage;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.Domain.Demo;

/// <summary>The demo company is deterministic and tells the stories the views are built to show.</summary>
public sealed class DemoDataGeneratorTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero));
    private static readonly DemoOptions Size = new() { Customers = 4_000, Orders = 40_000, Seed = 7 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));
    private DuckDBConnection _connection = null!;

    public async Task InitializeAsync()
    {
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var path = Path.Combine(_folder, "demo.duckdb");
        await DuckDbFileCreator.CreateAsync(path, Size, Clock);
        _connection = new DuckDBConnection($"Data Source={path}");
        await _connection.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows()
    {
        var first = new CountingSink();
        var second = new CountingSink();

        new DemoDataGenerator(Size, Clock).Generate(first);
        new DemoDataGenerator(Size, Clock).Generate(second);

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(first.Fingerprint, Generate(Size.Seed + 1).Fingerprint);
    }

    [Fact]
    public async Task The_size_lands_near_the_options_and_nothing_is_in_the_future()
    {
        var orders = await Scalar<long>("SELECT COUNT(*) FROM fact_order");
        Assert.InRange(orders, 36_000, 44_000);
        Assert.Equal(4_000, await Scalar<long>("SELECT COUNT(*) FROM dim_customer"));
        Assert.Equal(0, await Scalar<long>("SELECT COUNT(*) FROM fact_order WHERE order_date > DATE '2026-11-22'"));
        Assert.Equal(0, await Scalar<long>("SELECT COUNT(*) FROM fact_ticket WHERE submitted_at > TIMESTAMP '2026-11-22 18:00:00' OR resolved_at > TIMESTAMP '2026-11-22 18:00:00'"));
        Assert.Equal(new DateTime(2023, 11, 23), await Scalar<DateTime>("SELECT MIN(order_date) FROM fact_order"));
    }

    [Theory]
    [InlineData("fact_order", "order_date")]
    [InlineData("fact_ticket", "submitted_at")]
    [InlineData("fact_survey", "survey_date")]
    [InlineData("fact_campaign_touch", "sent_date")]
    [InlineData("fact_activity", "activity_date")]
    public async Task The_dated_facts_are_stored_in_date_order(string table, string date)
    {
        // Date-range queries skip blocks by their min/max only when the rows are in date order:
        // no row may follow one of a later date in storage order (rowid).
        var rows = await Scalar<long>($"SELECT COUNT(*) FROM {table}");
        var outOfOrder = await Scalar<long>($"""
            SELECT COUNT(*) FROM (SELECT {date} AS d, LAG({date}) OVER (ORDER BY rowid) AS before FROM {table})
            WHERE d < before
            """);

        Assert.True(rows > 1_000, $"{table} has {rows} rows: too few to show an order");
        Assert.Equal(0, outOfOrder);
    }

    [Fact]
    public async Task The_top_fifth_of_a_quarters_customers_brings_most_of_its_revenue()
    {
        var share = await Scalar<double>("""
            WITH c AS (SELECT customer_id, SUM(revenue) AS r FROM fact_order
                       WHERE customer_id IS NOT NULL AND status <> 'cancelled' AND revenue > 0
                         AND order_date >= DATE '2026-08-25' AND order_date < DATE '2026-11-23' GROUP BY customer_id),
                 ranked AS (SELECT r, ROW_NUMBER() OVER (ORDER BY r DESC, customer_id) AS n, COUNT(*) OVER () AS total FROM c)
            SELECT CAST(SUM(CASE WHEN n <= CEIL(total / 5.0) THEN r END) / SUM(r) AS DOUBLE) FROM ranked
            """);
        Assert.InRange(share, 0.60, 0.80);
    }

    [Fact]
    public async Task Customers_who_had_slow_service_lapse_more_often()
    {
        var rows = (await _connection.QueryAsync<(int Slow, double Lapsed)>("""
            WITH last AS (SELECT customer_id, MAX(order_date) AS last_order FROM fact_order
                          WHERE customer_id IS NOT NULL AND status <> 'cancelled' GROUP BY customer_id),
                 service AS (SELECT customer_id, MAX(CASE WHEN resolved_at IS NULL OR date_diff('hour', submitted_at, resolved_at) > 72 THEN 1 ELSE 0 END) AS slow
                             FROM fact_ticket WHERE submitted_at < TIMESTAMP '2025-11-22 00:00:00' GROUP BY customer_id)
            SELECT s.slow, AVG(CASE WHEN l.last_order < DATE '2026-05-22' THEN 1.0 ELSE 0.0 END)
            FROM last l JOIN service s USING (customer_id) GROUP BY s.slow
            """)).ToDictionary(r => r.Slow, r => r.Lapsed);
        Assert.True(rows[1] > rows[0] + 0.1, $"lapsed after slow service {rows[1]:P0}, after good service {rows[0]:P0}");
    }

    [Fact]
    public async Task Reps_land_above_and_below_quota_and_pipeline_is_open_in_every_stage()
    {
        var attainment = (await _connection.QueryAsync<double>("""
            WITH q AS (SELECT rep_id, SUM(amount) AS quota FROM fact_quota WHERE month_start >= DATE '2026-05-01' AND month_start < DATE '2026-11-01' GROUP BY rep_id),
                 r AS (SELECT rep_id, SUM(revenue) AS revenue FROM fact_order WHERE order_date >= DATE '2026-05-01' AND order_date < DATE '2026-11-01'
                       AND status <> 'cancelled' AND rep_id IS NOT NULL GROUP BY rep_id)
            SELECT CAST(r.revenue / q.quota AS DOUBLE) FROM q JOIN r USING (rep_id)
            """)).ToList();
        Assert.Contains(attainment, a => a > 1.05);
        Assert.Contains(attainment, a => a < 0.95);

        // Every open stage holds a real share of the pipeline (stages follow each deal's progress
        // towards its close date, not its age alone, which once left negotiation empty).
        var open = (await _connection.QueryAsync<(string Stage, long Deals)>(
            "SELECT stage, COUNT(*) FROM fact_opportunity WHERE closed_date IS NULL GROUP BY stage")).ToDictionary(r => r.Stage, r => r.Deals);
        Assert.Equal(["negotiation", "proposal", "prospecting", "qualification"], open.Keys.Order());
        Assert.All(open, stage => Assert.True(stage.Value >= open.Values.Sum() / 10, $"{stage.Key}: {stage.Value} of {open.Values.Sum()} open deals"));
    }

    [Fact]
    public async Task A_rep_moved_team_last_month_and_history_stays_with_the_old_team()
    {
        // One rep of the first region's inside-sales team (2) joined its key-accounts team (1) on 2026-10-01.
        var moved = (await _connection.QueryAsync<(int Rep, int Team, DateTime First, DateTime Last)>("""
            SELECT rep_id, team_id, MIN(month_start), MAX(month_start) FROM fact_quota
            WHERE rep_id IN (SELECT rep_id FROM fact_quota GROUP BY rep_id HAVING COUNT(DISTINCT team_id) > 1)
            GROUP BY rep_id, team_id ORDER BY MIN(month_start)
            """)).ToList();
        Assert.Equal(2, moved.Count);
        Assert.Equal((2, new DateTime(2026, 9, 1)), (moved[0].Team, moved[0].Last));
        Assert.Equal((1, new DateTime(2026, 10, 1)), (moved[1].Team, moved[1].First));
        var rep = moved[0].Rep;
        Assert.Equal(1, await Scalar<int>($"SELECT team_id FROM dim_rep WHERE rep_id = {rep}"));
        // Orders carry the team of their day.
        Assert.Equal(0, await Scalar<long>($"SELECT COUNT(*) FROM fact_order WHERE rep_id = {rep} AND order_date < DATE '2026-10-01' AND team_id <> 2"));
        Assert.Equal(0, await Scalar<long>($"SELECT COUNT(*) FROM fact_order WHERE rep_id = {rep} AND order_date >= DATE '2026-10-01' AND team_id <> 1"));
        Assert.True(await Scalar<long>($"SELECT COUNT(*) FROM fact_order WHERE rep_id = {rep} AND order_date >= DATE '2026-10-01'") > 0);
    }

    [Fact]
    public async Task Channels_acquire_at_different_costs_and_some_records_lack_contact_data()
    {
        var costs = (await _connection.QueryAsync<double>("""
            WITH spend AS (SELECT c.marketing_channel_id, SUM(s.amount) AS spend FROM fact_campaign_spend s JOIN dim_campaign c USING (campaign_id) GROUP BY 1),
                 acquired AS (SELECT c.marketing_channel_id, COUNT(*) AS n FROM dim_customer cu JOIN dim_campaign c ON c.campaign_id = cu.acquisition_campaign_id GROUP BY 1)
            SELECT CAST(spend / n AS DOUBLE) FROM spend JOIN acquired USING (marketing_channel_id)
            """)).ToList();
        Assert.True(costs.Max() > 3 * costs.Min(), $"CAC by channel ranges {costs.Min():F0}..{costs.Max():F0}");

        var missing = await Scalar<long>("SELECT COUNT(*) FROM dim_customer WHERE email IS NULL AND phone IS NULL");
        Assert.InRange(missing, 1, 400);
    }

    private static CountingSink Generate(int seed)
    {
        var sink = new CountingSink();
        new DemoDataGenerator(new DemoOptions { Customers = Size.Customers, Orders = Size.Orders, Seed = seed }, Clock).Generate(sink);
        return sink;
    }

    private async Task<T> Scalar<T>(string sql) => await _connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException(sql);

    /// <summary>Keeps a running hash of everything generated instead of the rows themselves.</summary>
    private sealed class CountingSink : IDemoSink
    {
        private HashCode _hash;

        public int Fingerprint => _hash.ToHashCode();

        public void AddDimensions(DemoWorld world)
        {
            foreach (var campaign in world.Campaigns)
            {
                _hash.Add(campaign);
            }
        }

        public void Add(CustomerRow row) => _hash.Add(row);

        public void Add(in OrderRow row) => _hash.Add(row);

        public void Add(in TicketRow row) => _hash.Add(row);

        public void Add(in SurveyRow row) => _hash.Add(row);

        public void Add(in TouchRow row) => _hash.Add(row);

        public void Add(in SpendRow row) => _hash.Add(row);

        public void Add(in OpportunityRow row) => _hash.Add(row);

        public void Add(in ActivityRow row) => _hash.Add(row);

        public void Add(in QuotaRow row) => _hash.Add(row);
    }
}
