using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmInsight.Tests.Domain.Alerts;

/// <summary>
/// Alert rules over the golden dataset (KpiGoldenTests): revenue in March 2024 is 1160 (orders
/// 6–14 less the cancelled O12 and the zero-revenue O13: 300 + 100 + 200 + 400 + 80 + 20 + 60).
/// </summary>
public sealed class AlertTests : IAsyncLifetime
{
    private const string March = "from=2024-03-01&to=2024-04-01";

    private TestDatabase _db = null!;
    private AlertStore _store = null!;
    private AlertEvaluator _evaluator = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        _store = new AlertStore(_db.Database, _db.Runner, _db.Kpis.Catalog, _db.Dimensions, _db.Time);
        _evaluator = new AlertEvaluator(_store, _db.Kpis, _db.Runner, _db.Periods, _db.Time, NullLogger<AlertEvaluator>.Instance);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _db.DisposeAsync();
    }

    /// <summary>
    /// "Revenue below 1200": 1160 breaches → fired. An order of 20 makes 1180, still below: it
    /// stays firing and nothing new is recorded. An order of 100 makes 1280: cleared.
    /// </summary>
    [Fact]
    public async Task A_rule_fires_stays_and_clears()
    {
        var rule = await _store.CreateAsync(new AlertRuleDraft("Revenue short", "revenue", AlertComparison.Below, 1200m, 1, March, null), DataScope.All, "analyst");

        var fired = await EvaluateAsync();
        Assert.Equal(AlertEventKind.Fired, Assert.Single(fired).Event.Kind);
        Assert.Equal(1160m, fired[0].Event.Value);
        Assert.True((await Rule(rule.Id)).IsFiring);

        await AddOrderAsync(15, 20m);
        Assert.Empty(await EvaluateAsync());
        Assert.Equal(1180m, (await Rule(rule.Id)).LastValue);
        Assert.True((await Rule(rule.Id)).IsFiring);

        await AddOrderAsync(16, 100m);
        var cleared = await EvaluateAsync();
        Assert.Equal(AlertEventKind.Cleared, Assert.Single(cleared).Event.Kind);
        Assert.Equal(1280m, cleared[0].Event.Value);
        Assert.False((await Rule(rule.Id)).IsFiring);

        var history = await _store.HistoryAsync(DataScope.All);
        Assert.Equal([AlertEventKind.Cleared, AlertEventKind.Fired], history.Select(e => e.Kind));
        Assert.All(history, e => Assert.Equal("Revenue short", e.RuleName));
    }

    /// <summary>Sustained for 2: the first breaching evaluation only counts; the second fires.</summary>
    [Fact]
    public async Task A_sustained_rule_fires_after_that_many_breaching_evaluations()
    {
        await _store.CreateAsync(new AlertRuleDraft("Revenue above 1000", "revenue", AlertComparison.Above, 1000m, 2, March, null), DataScope.All, null);

        Assert.Empty(await EvaluateAsync());
        await AddOrderAsync(15, 10m);
        Assert.Equal(AlertEventKind.Fired, Assert.Single(await EvaluateAsync()).Event.Kind);
    }

    /// <summary>
    /// A repeated notification of a version already evaluated changes nothing, and a write that
    /// touched only tickets leaves a revenue rule alone (its breaches are not counted up).
    /// </summary>
    [Fact]
    public async Task A_rule_is_evaluated_once_per_version_and_only_when_its_data_changed()
    {
        var rule = await _store.CreateAsync(new AlertRuleDraft("Revenue above 1000", "revenue", AlertComparison.Above, 1000m, 3, March, null), DataScope.All, null);
        var version = await _db.VersionSource.GetCurrentAsync();

        await _evaluator.EvaluateAsync(new AlertTrigger(version, [DataAreas.All]));
        await _evaluator.EvaluateAsync(new AlertTrigger(version, [DataAreas.All]));
        Assert.Equal(1, (await Rule(rule.Id)).Breaches);

        await _evaluator.EvaluateAsync(new AlertTrigger(version with { Version = version.Version + 1 }, [DataAreas.Tickets]));
        Assert.Equal(1, (await Rule(rule.Id)).Breaches);
        await _evaluator.EvaluateAsync(new AlertTrigger(version with { Version = version.Version + 1 }, [DataAreas.Orders]));
        Assert.Equal(2, (await Rule(rule.Id)).Breaches);
    }

    /// <summary>An undefined value (no orders at all in 2023: nothing to average) leaves the state as it was.</summary>
    [Fact]
    public async Task An_undefined_value_neither_fires_nor_clears()
    {
        var rule = await _store.CreateAsync(new AlertRuleDraft("AOV", "avg_order_value", AlertComparison.Below, 50m, 1, "from=2023-01-01&to=2023-02-01", null), DataScope.All, null);

        Assert.Empty(await EvaluateAsync());
        Assert.False((await Rule(rule.Id)).IsFiring);
        Assert.Null((await Rule(rule.Id)).LastValue);
    }

    /// <summary>
    /// A sales lead of team 1: a rule they create is scoped to team 1 whatever they ask; naming
    /// team 2, or filtering by team 2 or rep 3 (team 2's), is refused; they see and change only
    /// rules within their teams, and only those rules' history.
    /// </summary>
    [Fact]
    public async Task A_sales_lead_makes_and_sees_rules_over_their_own_teams_only()
    {
        var lead = DataScope.ForTeams(IdSet.Of(1));

        var own = await _store.CreateAsync(new AlertRuleDraft("My revenue", "revenue", AlertComparison.Below, 2000m, 1, March, null), lead, "lead");
        Assert.Equal(IdSet.Of(1), own.ScopeTeams);

        var otherTeam = await Assert.ThrowsAsync<AlertRejectedException>(() =>
            _store.CreateAsync(new AlertRuleDraft("Theirs", "revenue", AlertComparison.Below, 1m, 1, March, [2]), lead, "lead"));
        Assert.Equal("teams", Assert.Single(otherTeam.Problems).Field);
        foreach (var filter in new[] { March + "&team=2", March + "&rep=3" })
        {
            var error = await Assert.ThrowsAsync<AlertRejectedException>(() =>
                _store.CreateAsync(new AlertRuleDraft("Theirs", "revenue", AlertComparison.Below, 1m, 1, filter, null), lead, "lead"));
            Assert.Equal("filter", Assert.Single(error.Problems).Field);
        }

        var companyWide = await _store.CreateAsync(new AlertRuleDraft("All revenue", "revenue", AlertComparison.Below, 2000m, 1, March, null), DataScope.All, "admin");
        Assert.Null(companyWide.ScopeTeams);
        Assert.Equal([own.Id], (await _store.ListAsync(lead)).Select(r => r.Id));
        Assert.Equal([own.Id, companyWide.Id], (await _store.ListAsync(DataScope.All)).Select(r => r.Id));
        Assert.Null(await _store.UpdateAsync(companyWide.Id, new AlertRuleDraft("Mine now", "revenue", AlertComparison.Below, 1m, 1, March, null), lead));
        Assert.False(await _store.DeleteAsync(companyWide.Id, lead));

        // Team 1's sales in March: O6 300 + O7 100 + O10 80 = 480 (O12 is cancelled; O11 is anonymous, with no team).
        var fired = await EvaluateAsync();
        Assert.Equal(480m, fired.Single(e => e.Rule.Id == own.Id).Event.Value);
        Assert.Equal(1160m, fired.Single(e => e.Rule.Id == companyWide.Id).Event.Value);
        Assert.Equal([own.Id], (await _store.HistoryAsync(lead)).Select(e => e.RuleId));
        Assert.Equal(2, (await _store.HistoryAsync(DataScope.All)).Count);
    }

    [Fact]
    public async Task A_rule_that_breaks_a_rule_is_refused_with_every_reason()
    {
        var error = await Assert.ThrowsAsync<AlertRejectedException>(() =>
            _store.CreateAsync(new AlertRuleDraft(" ", "no_such_kpi", AlertComparison.Above, 1m, 0, "region=abc", [99]), DataScope.All, null));

        Assert.Equal(["name", "kpi", "sustain", "filter", "teams"], error.Problems.Select(p => p.Field));
        Assert.Empty(await _store.ListAsync(DataScope.All));
    }

    private async Task<IReadOnlyList<(AlertRule Rule, AlertEvent Event)>> EvaluateAsync() =>
        await _evaluator.EvaluateAsync(new AlertTrigger(await _db.VersionSource.GetCurrentAsync(), [DataAreas.All]));

    private async Task<AlertRule> Rule(int id) => (await _store.AllAsync()).Single(r => r.Id == id);

    private Task AddOrderAsync(int id, decimal revenue) => _db.ExecuteAsync($"""
        INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id,
                                campaign_id, revenue, cost, items, returned_value, status)
        VALUES ({id}, 'O{id}', 5, DATE '2024-03-21', 3, 2, 2, 2, 1, 1, NULL, {revenue}, 0, 1, 0, 'completed');
        """);
}
