using System.Net;
using System.Text.Json;
using CrmInsight.Tests.TestSupport;
using Dapper;
using CrmInsight.Domain.Storage;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Api;

public sealed class KpiApiTests : IClassFixture<CrmInsightServer>, IClassFixture<PinnedDayServers>, IAsyncLifetime
{
    private readonly CrmInsightServer _server;
    private readonly PinnedDayServers _days;
    private HttpClient _client = null!;

    public KpiApiTests(CrmInsightServer server, PinnedDayServers days)
    {
        _server = server;
        _days = days;
    }

    public async Task InitializeAsync()
    {
        await _server.WaitUntilReadyAsync();
        _client = await _server.CreateClientAsync(TestUsers.Analyst);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Health_is_ok_once_the_first_start_database_is_loaded()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(_server.DatabasePath), "the app created its database file");
    }

    /// <summary>The API's numbers equal plain SQL written here, independently of the catalog, over the same file.</summary>
    [Fact]
    public async Task Values_equal_an_independent_query_over_the_same_file()
    {
        const string window = "from=2025-06-01&to=2025-09-01&region=2";
        using var body = await GetJsonAsync($"/api/kpis?ids=revenue,orders,active_customers,gross_margin,churn_rate&{window}");
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);

        await using var connection = new DuckDBConnection($"Data Source={Path.GetFullPath(_server.DatabasePath)}");
        await connection.OpenAsync();
        var sales = await connection.QuerySingleAsync<(decimal Revenue, decimal Cost, long Orders, long Customers)>("""
            SELECT CAST(SUM(revenue) AS DECIMAL(18,2)), CAST(SUM(cost) AS DECIMAL(18,2)), COUNT(*), COUNT(DISTINCT customer_id)
            FROM fact_order
            WHERE order_date >= DATE '2025-06-01' AND order_date < DATE '2025-09-01'
              AND status <> 'cancelled' AND revenue > 0 AND region_id = 2
            """);
        // The previous period of equal length: 92 days before 2025-06-01.
        var churn = await connection.QuerySingleAsync<(long Before, long Lost)>("""
            WITH sale AS (SELECT customer_id, order_date FROM fact_order
                          WHERE status <> 'cancelled' AND revenue > 0 AND region_id = 2 AND customer_id IS NOT NULL),
                 before AS (SELECT DISTINCT customer_id FROM sale WHERE order_date >= DATE '2025-03-01' AND order_date < DATE '2025-06-01'),
                 now AS (SELECT DISTINCT customer_id FROM sale WHERE order_date >= DATE '2025-06-01' AND order_date < DATE '2025-09-01')
            SELECT (SELECT COUNT(*) FROM before), (SELECT COUNT(*) FROM before WHERE customer_id NOT IN (SELECT customer_id FROM now))
            """);

        Assert.True(sales.Orders > 100, "the demo company sells in the window");
        Assert.Equal(sales.Revenue, kpis["revenue"].GetProperty("value").GetDecimal());
        Assert.Equal(sales.Orders, kpis["orders"].GetProperty("value").GetInt64());
        Assert.Equal(sales.Customers, kpis["active_customers"].GetProperty("value").GetInt64());
        Assert.Equal((sales.Revenue - sales.Cost) / sales.Revenue, kpis["gross_margin"].GetProperty("value").GetDecimal(), 12);
        Assert.Equal((decimal)churn.Lost / churn.Before, kpis["churn_rate"].GetProperty("value").GetDecimal(), 12);
        Assert.Equal("2025-03-01", body.RootElement.GetProperty("comparisonFrom").GetString());
        Assert.Equal("2025-06-01", body.RootElement.GetProperty("comparisonTo").GetString());
        Assert.Equal("money", kpis["revenue"].GetProperty("unit").GetString());
        Assert.Equal("points", kpis["churn_rate"].GetProperty("changeKind").GetString());
    }

    /// <summary>
    /// Year to date against the same days a year before, on an ordinary day, half an hour into a
    /// year and on a leap day: the windows are stated here by hand and the values come from plain
    /// SQL over the same file. (1 January: one short day against 1 January a year before; 29
    /// February: its year's first 60 days against the first 59 of the year before, to 1 March.)
    /// </summary>
    [Theory]
    [InlineData("ordinary", "2026-01-01", "2026-06-16", "2025-01-01", "2025-06-16")]
    [InlineData("new-year", "2027-01-01", "2027-01-02", "2026-01-01", "2026-01-02")]
    [InlineData("leap-day", "2028-01-01", "2028-03-01", "2027-01-01", "2027-03-01")]
    public async Task Year_to_date_against_last_year_on_any_day(string day, string from, string to, string comparisonFrom, string comparisonTo)
    {
        var server = await _days.ForAsync(day);
        using var client = await server.CreateClientAsync(TestUsers.Analyst);
        var response = await client.GetAsync(new Uri("/api/kpis?ids=revenue,orders,active_customers&period=ytd&compare=yoy&region=2", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);

        Assert.Equal(from, body.RootElement.GetProperty("from").GetString());
        Assert.Equal(to, body.RootElement.GetProperty("to").GetString());
        Assert.Equal(comparisonFrom, body.RootElement.GetProperty("comparisonFrom").GetString());
        Assert.Equal(comparisonTo, body.RootElement.GetProperty("comparisonTo").GetString());
        var now = await SalesAsync(server, from, to);
        var before = await SalesAsync(server, comparisonFrom, comparisonTo);
        Assert.True(before.Orders > 0, "the demo company sold in the comparison window");
        Assert.Equal(now.Revenue, kpis["revenue"].GetProperty("value").GetDecimal());
        Assert.Equal(now.Orders, kpis["orders"].GetProperty("value").GetInt64());
        Assert.Equal(now.Customers, kpis["active_customers"].GetProperty("value").GetInt64());
        Assert.Equal(before.Revenue, kpis["revenue"].GetProperty("comparisonValue").GetDecimal());
        Assert.Equal(before.Orders, kpis["orders"].GetProperty("comparisonValue").GetInt64());
    }

    private static async Task<(decimal Revenue, long Orders, long Customers)> SalesAsync(CrmInsightServer server, string from, string to)
    {
        await using var connection = await server.Services.GetRequiredService<ICrmDatabase>().OpenConnectionAsync();
        return await connection.QuerySingleAsync<(decimal, long, long)>($"""
            SELECT CAST(COALESCE(SUM(revenue), 0) AS DECIMAL(18,2)), COUNT(*), COUNT(DISTINCT customer_id)
            FROM fact_order
            WHERE order_date >= DATE '{from}' AND order_date < DATE '{to}'
              AND status <> 'cancelled' AND revenue > 0 AND region_id = 2
            """);
    }

    /// <summary>
    /// The portable rank-based percentiles equal DuckDB's own quantile_cont (PERCENTILE_CONT) over
    /// the same tickets, and the service KPIs are served with their units.
    /// </summary>
    [Fact]
    public async Task Service_time_percentiles_equal_duckdbs_quantile_cont()
    {
        const string window = "from=2025-06-01&to=2025-09-01";
        using var body = await GetJsonAsync($"/api/kpis?ids=first_response_time_p50,first_response_time_p90,resolution_time_p50,resolution_time_p90,repeat_issue_rate,cost_per_response&{window}");
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);

        await using var connection = new DuckDBConnection($"Data Source={Path.GetFullPath(_server.DatabasePath)}");
        await connection.OpenAsync();
        var expected = await connection.QuerySingleAsync<(double Response50, double Response90, double Resolution50, double Resolution90)>("""
            SELECT quantile_cont(date_diff('second', submitted_at, first_response_at), 0.5) / 60.0,
                   quantile_cont(date_diff('second', submitted_at, first_response_at), 0.9) / 60.0,
                   quantile_cont(date_diff('second', submitted_at, resolved_at), 0.5) / 3600.0,
                   quantile_cont(date_diff('second', submitted_at, resolved_at), 0.9) / 3600.0
            FROM fact_ticket
            WHERE submitted_at >= TIMESTAMP '2025-06-01 00:00:00' AND submitted_at < TIMESTAMP '2025-09-01 00:00:00'
            """);

        Assert.True(expected.Response90 > expected.Response50, "the demo has spread in its response times");
        Assert.Equal(expected.Response50, (double)kpis["first_response_time_p50"].GetProperty("value").GetDecimal(), 6);
        Assert.Equal(expected.Response90, (double)kpis["first_response_time_p90"].GetProperty("value").GetDecimal(), 6);
        Assert.Equal(expected.Resolution50, (double)kpis["resolution_time_p50"].GetProperty("value").GetDecimal(), 6);
        Assert.Equal(expected.Resolution90, (double)kpis["resolution_time_p90"].GetProperty("value").GetDecimal(), 6);
        Assert.Equal("minutes", kpis["first_response_time_p90"].GetProperty("unit").GetString());
        Assert.Equal("hours", kpis["resolution_time_p50"].GetProperty("unit").GetString());
        Assert.Equal("fraction", kpis["repeat_issue_rate"].GetProperty("unit").GetString());
        Assert.Equal("money", kpis["cost_per_response"].GetProperty("unit").GetString());
    }

    /// <summary>§5 from the API equals plain SQL over the file: a past quarter of whole months (no proration) for one team.</summary>
    [Fact]
    public async Task Sales_target_values_equal_an_independent_query_over_the_same_file()
    {
        using var body = await GetJsonAsync("/api/kpis?ids=quota,attainment,pace,run_rate_forecast,pipeline,weighted_pipeline,win_rate,sales_cycle_days&from=2025-04-01&to=2025-07-01&team=2");
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);

        await using var connection = new DuckDBConnection($"Data Source={Path.GetFullPath(_server.DatabasePath)}");
        await connection.OpenAsync();
        var expected = await connection.QuerySingleAsync<(decimal Quota, decimal Revenue, decimal Pipeline, decimal Weighted, long Closed, long Won, long WonDays)>("""
            -- A closed opportunity is the team's the rep sold for in its close month (their quota row then).
            WITH closed AS (
                SELECT o.stage, o.created_date, o.closed_date,
                       COALESCE((SELECT MIN(q.team_id) FROM fact_quota q WHERE q.rep_id = o.rep_id AND q.month_start = date_trunc('month', o.closed_date)), r.team_id) AS team_id
                FROM fact_opportunity o JOIN dim_rep r USING (rep_id)
                WHERE o.stage IN ('won', 'lost') AND o.closed_date >= DATE '2025-04-01' AND o.closed_date < DATE '2025-07-01')
            SELECT
                (SELECT CAST(SUM(q.amount) AS DECIMAL(18,2)) FROM fact_quota q JOIN dim_rep r USING (rep_id)
                 WHERE q.month_start IN (DATE '2025-04-01', DATE '2025-05-01', DATE '2025-06-01') AND COALESCE(q.team_id, r.team_id) = 2),
                (SELECT CAST(SUM(revenue) AS DECIMAL(18,2)) FROM fact_order
                 WHERE order_date >= DATE '2025-04-01' AND order_date < DATE '2025-07-01' AND team_id = 2
                   AND rep_id IS NOT NULL AND status <> 'cancelled' AND revenue > 0),
                (SELECT CAST(SUM(o.amount) AS DECIMAL(18,2)) FROM fact_opportunity o JOIN dim_rep r USING (rep_id)
                 WHERE o.stage NOT IN ('won', 'lost') AND r.team_id = 2),
                (SELECT CAST(SUM(o.amount * CASE o.stage WHEN 'prospecting' THEN 0.10 WHEN 'qualification' THEN 0.25 WHEN 'proposal' THEN 0.50 ELSE 0.75 END) AS DECIMAL(18,2))
                 FROM fact_opportunity o JOIN dim_rep r USING (rep_id) WHERE o.stage NOT IN ('won', 'lost') AND r.team_id = 2),
                (SELECT COUNT(*) FROM closed WHERE team_id = 2),
                (SELECT COUNT(*) FROM closed WHERE team_id = 2 AND stage = 'won'),
                (SELECT CAST(SUM(date_diff('day', created_date, closed_date)) AS BIGINT) FROM closed WHERE team_id = 2 AND stage = 'won')
            """);

        Assert.True(expected.Quota > 0 && expected.Revenue > 0 && expected.Closed > 0, "the demo team has quota, sales and closed deals then");
        Assert.Equal(expected.Quota, kpis["quota"].GetProperty("value").GetDecimal());
        Assert.Equal(expected.Revenue / expected.Quota, kpis["attainment"].GetProperty("value").GetDecimal(), 10);
        // A past quarter: pace is attainment, the forecast is the revenue.
        Assert.Equal(expected.Revenue / expected.Quota, kpis["pace"].GetProperty("value").GetDecimal(), 10);
        Assert.Equal(expected.Revenue, kpis["run_rate_forecast"].GetProperty("value").GetDecimal());
        Assert.Equal(expected.Pipeline, kpis["pipeline"].GetProperty("value").GetDecimal());
        Assert.Equal(expected.Weighted, kpis["weighted_pipeline"].GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, kpis["weighted_pipeline"].GetProperty("comparisonValue").ValueKind); // a snapshot: nothing to compare
        Assert.Equal((decimal)expected.Won / expected.Closed, kpis["win_rate"].GetProperty("value").GetDecimal(), 10);
        Assert.Equal((decimal)expected.WonDays / expected.Won, kpis["sales_cycle_days"].GetProperty("value").GetDecimal(), 10);
        Assert.Equal("days", kpis["sales_cycle_days"].GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Undefined_values_are_null()
    {
        using var body = await GetJsonAsync("/api/kpis?ids=gross_margin,revenue&from=2001-01-01&to=2001-02-01");
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);

        Assert.Equal(JsonValueKind.Null, kpis["gross_margin"].GetProperty("value").ValueKind);
        Assert.Equal(0m, kpis["revenue"].GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, kpis["revenue"].GetProperty("change").ValueKind);
    }

    [Fact]
    public async Task Without_ids_every_kpi_is_returned_with_ignored_filters_named()
    {
        using var body = await GetJsonAsync("/api/kpis?campaign=1");
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToList();

        // The ids this suite states (KPIS.md §1–§4), not the production catalog's own list.
        Assert.Equal(CrmInsight.Tests.Domain.Kpis.KpiCatalogTests.ExpectedIds.Order(StringComparer.Ordinal), kpis.Select(k => k.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        var csat = kpis.Single(k => k.GetProperty("id").GetString() == "csat");
        Assert.Equal(["campaign"], csat.GetProperty("ignoredFilters").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/api/kpis?ids=nope", "nope")]
    [InlineData("/api/kpis?from=garbage", "garbage")]
    [InlineData("/api/kpis?ids=revenue&region=abc", "abc")]
    [InlineData("/api/kpis?ids=revenue&region=999", "999")]
    [InlineData("/api/kpis?ids=revenue&frm=2024-01-01", "frm")]
    [InlineData("/api/kpis?from=2024-04-01&to=2024-03-01", "to")]
    [InlineData("/api/kpis?period=fortnight", "fortnight")]
    public async Task A_bad_parameter_is_a_400_that_names_it(string url, string named)
    {
        var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, text, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}
