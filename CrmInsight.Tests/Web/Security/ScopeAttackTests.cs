using System.Net;
using System.Text.Json;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Web.Security;

/// <summary>
/// A sales lead of team 1 (and a read key limited to team 1) reaching for team 2 through every
/// door the API and the exports have: a team or rep in the query, an export of another team's
/// customer, customer ids tried one after another. The expected rows come from SQL written here.
/// </summary>
public sealed class ScopeAttackTests(AttackServer server) : IClassFixture<AttackServer>, IAsyncLifetime
{
    private HttpClient _lead = null!;
    private HttpClient _analyst = null!;
    private HttpClient _readKey = null!;

    public async Task InitializeAsync()
    {
        _lead = await server.CreateClientAsync(TestUsers.SalesLead);
        _analyst = await server.CreateClientAsync(TestUsers.Analyst);
        _readKey = server.CreateKeyClient(await server.CreateKeyAsync(AccessKeyKind.Read, IdSet.Of(1)));
    }

    public Task DisposeAsync()
    {
        _lead.Dispose();
        _analyst.Dispose();
        _readKey.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string> Limited() => ["lead", "read key"];

    private HttpClient Client(string who) => who == "lead" ? _lead : _readKey;

    /// <returns>Revenue of the year to date, and the [from, to) the app resolved it to.</returns>
    private static async Task<(decimal? Revenue, string From, string To)> RevenueAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/kpis?ids=revenue&period=ytd" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var value = body.RootElement.GetProperty("kpis")[0].GetProperty("value");
        return (value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal(), body.RootElement.GetProperty("from").GetString()!, body.RootElement.GetProperty("to").GetString()!);
    }

    [Theory]
    [MemberData(nameof(Limited))]
    public async Task Api_with_another_teams_team_or_rep_is_refused_with_403_naming_it(string who)
    {
        var otherRep = await server.ScalarAsync<int>("SELECT MIN(rep_id) FROM dim_rep WHERE team_id = 2");

        using var team = await Client(who).GetAsync("/api/kpis?ids=revenue&team=2");
        using var rep = await Client(who).GetAsync($"/api/kpis?ids=revenue&rep={otherRep}");
        using var mixed = await Client(who).GetAsync("/api/kpis?ids=revenue&team=1,2");

        foreach (var (response, named) in new[] { (team, "team 2"), (rep, $"rep {otherRep}"), (mixed, "team 2") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains(named + " is outside your data scope", body, StringComparison.Ordinal);
            Assert.Contains("\"title\":\"Outside your data scope\"", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Limited))]
    public async Task The_limited_callers_numbers_are_team_1s_numbers(string who)
    {
        var (scoped, from, to) = await RevenueAsync(Client(who), "");
        // Team 1's revenue of the same days, from the orders table directly (orders belong to their team).
        var expected = await server.ScalarAsync<decimal>($"""
            SELECT CAST(COALESCE(SUM(revenue), 0) AS DECIMAL(18,2)) FROM fact_order
            WHERE team_id = 1 AND status <> 'cancelled' AND revenue > 0
              AND order_date >= DATE '{from}' AND order_date < DATE '{to}'
            """);

        Assert.Equal(expected, scoped);
        Assert.Equal(expected, (await RevenueAsync(Client(who), "&team=1")).Revenue);
        Assert.Equal(expected, (await RevenueAsync(_analyst, "&team=1")).Revenue);
        Assert.True((await RevenueAsync(_analyst, "")).Revenue > expected, "the company sells more than team 1");
    }

    [Theory]
    [InlineData("lead", "csv")]
    [InlineData("lead", "xlsx")]
    [InlineData("read key", "csv")]
    [InlineData("read key", "xlsx")]
    public async Task Exports_for_another_team_are_refused_and_own_exports_list_only_own_customers(string who, string format)
    {
        using var other = await Client(who).GetAsync($"/export/top-customers.{format}?team=2");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("team 2 is outside your data scope", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var own = await Client(who).GetAsync("/export/top-customers.csv?period=ytd");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var owned = (await server.ListAsync<string>("SELECT c.customer_code FROM dim_customer c JOIN dim_rep r ON r.rep_id = c.owner_rep_id WHERE r.team_id = 1")).ToHashSet();
        var notOwned = (await server.ListAsync<string>("SELECT c.customer_code FROM dim_customer c JOIN dim_rep r ON r.rep_id = c.owner_rep_id WHERE r.team_id <> 1")).ToHashSet();
        var lines = (await own.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var codes = lines.Select(l => l.Split(',')[0]).Where(c => owned.Contains(c) || notOwned.Contains(c)).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Contains(c, owned));
    }

    [Theory]
    [MemberData(nameof(Limited))]
    public async Task Customer_ids_tried_one_by_one_open_only_the_teams_own_customers(string who)
    {
        var owned = (await server.ListAsync<long>("SELECT c.customer_id FROM dim_customer c JOIN dim_rep r ON r.rep_id = c.owner_rep_id WHERE r.team_id = 1 AND c.customer_id <= 40")).ToHashSet();
        Assert.InRange(owned.Count, 1, 39); // both kinds are among the first 40

        foreach (var id in Enumerable.Range(1, 40))
        {
            using var response = await Client(who).GetAsync($"/export/customer-orders.csv?customer={id}&period=ytd");
            var expected = owned.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"customer {id}: {(int)response.StatusCode}, expected {(int)expected}");
        }
    }

    [Fact]
    public async Task A_drill_export_by_team_names_only_the_leads_teams()
    {
        var team1 = await server.ScalarAsync<string>("SELECT name FROM dim_team WHERE team_id = 1");

        using var response = await _lead.GetAsync("/export/drill.csv?level=team&period=ytd");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var teams = await server.ListAsync<string>("SELECT name FROM dim_team");
        Assert.Equal([team1], teams.Where(t => text.Contains(t, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Spend_kpis_are_null_for_the_lead_and_say_so()
    {
        using var response = await _lead.GetAsync("/api/kpis?ids=roi,campaign_spend,revenue&period=ytd");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);

        Assert.Equal(JsonValueKind.Null, kpis["roi"].GetProperty("value").ValueKind);
        Assert.True(kpis["roi"].GetProperty("notForTeamScope").GetBoolean());
        Assert.True(kpis["campaign_spend"].GetProperty("notForTeamScope").GetBoolean());
        Assert.False(kpis["revenue"].GetProperty("notForTeamScope").GetBoolean());
    }
}
