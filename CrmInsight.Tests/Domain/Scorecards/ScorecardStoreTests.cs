using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Scorecards;

/// <summary>Scorecards stored and read back: the seeded default, saving, validation, the default flag, deleting.</summary>
public sealed class ScorecardStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ScorecardStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new ScorecardStore(_db.Database, _db.Runner, new KpiCatalog(), _db.Time);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_database_without_scorecards_gets_the_default_one_with_consistent_weights()
    {
        var all = await _store.ListAsync();

        var seeded = Assert.Single(all);
        Assert.True(seeded.IsDefault);
        Assert.Equal(DefaultScorecard.Create().Kpis, seeded.Kpis);
        // KPIS.md §6 puts 3, 4, 4 and 2 KPIs in the four perspectives.
        Assert.Equal([3, 4, 4, 2], Perspectives.All.Select(p => seeded.KpisOf(p).Count));
        foreach (var group in Perspectives.All.Select(p => p.Key()).Append(ScorecardDefinition.PerspectivesGroup))
        {
            var weights = GroupWeights.For(seeded, group);
            Assert.False(weights.UsesFallback, group);
            Assert.True(weights.Ahp!.IsConsistent, $"{group}: CR {weights.Ahp.ConsistencyRatio}");
        }
        Assert.Equal(1m, (await _store.GetRulesAsync())["csat"].Target is { } t ? t / 92m : 0m);
    }

    [Fact]
    public async Task A_saved_scorecard_reads_back_as_saved()
    {
        var seeded = (await _store.GetAsync(null))!;
        var edited = seeded with
        {
            Name = "  Sales floor  ",
            PerspectiveMode = WeightingMode.Direct,
            Perspectives = [.. seeded.Perspectives.Select((p, i) => p with { DirectWeight = i + 1 })],
            Kpis = [.. seeded.Kpis.Select(k => k.KpiId == "csat" ? k with { Target = 85m, AmberFrom = 70m, GreenFrom = 100m } : k)],
        };
        edited = edited.WithMatrix("financial", [[1, 3, 5], [1 / 3.0, 1, 2], [0.2, 0.5, 1]]);

        await _store.SaveAsync(edited);
        var read = (await _store.GetAsync(seeded.Id))!;

        Assert.Equal("Sales floor", read.Name);
        Assert.Equal(WeightingMode.Direct, read.PerspectiveMode);
        Assert.Equal([1m, 2m, 3m, 4m], read.Perspectives.Select(p => p.DirectWeight!.Value));
        Assert.Equal((85m, 70m, 100m), read.Kpis.Where(k => k.KpiId == "csat").Select(k => (k.Target!.Value, k.AmberFrom, k.GreenFrom)).Single());
        Assert.Equal(3, read.MatrixOf("financial")[0][1], 6);
        Assert.Equal(0.5, read.MatrixOf("financial")[2][1], 6);
        Assert.Equal(_db.Time.GetUtcNow().UtcDateTime, read.UpdatedAt);
        // The KPI the catalog does not hold yet stays on the scorecard.
        Assert.Contains(read.Kpis, k => k.KpiId == "activities_per_rep");
    }

    [Fact]
    public async Task A_scorecard_that_breaks_a_rule_is_refused_and_nothing_changes()
    {
        var seeded = (await _store.GetAsync(null))!;
        var broken = seeded with
        {
            Name = "",
            Kpis =
            [
                .. seeded.Kpis.Select(k => k.KpiId == "csat" ? k with { Target = null } : k),
                new ScorecardKpi("no_such_kpi", Perspective.Customer, ScorecardStandard.Budget, 1m, 75, 95),
                new ScorecardKpi("update_rate", Perspective.Learning, ScorecardStandard.Budget, 1m, 75, 95),
                new ScorecardKpi("orders", Perspective.Financial, ScorecardStandard.Budget, 10m, 96, 95),
            ],
            Judgements = [.. seeded.Judgements, new("customer", "csat", "nps", 11)],
        };

        var error = await Assert.ThrowsAsync<ScorecardRejectedException>(() => _store.SaveAsync(broken));

        Assert.Equal(
            ["name", "kpis.csat", "kpis.no_such_kpi", "kpis.update_rate", "kpis.orders", "comparisons.customer"],
            error.Problems.Select(p => p.Field));
        Assert.All(error.Problems, p => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", CrmInsight.Web.LocalizedTexts.For(p.Message, System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))));
        Assert.Equal(seeded.Kpis, (await _store.GetAsync(null))!.Kpis);
    }

    [Fact]
    public async Task Another_scorecard_can_become_the_default_and_deleting_the_default_passes_it_on()
    {
        var copy = await _store.SaveAsync((await _store.GetAsync(null))! with { Id = 0, Name = "Copy", IsDefault = false });

        Assert.Equal(2, copy.Id);
        Assert.False((await _store.GetAsync(2))!.IsDefault);
        Assert.True(await _store.SetDefaultAsync(2));
        Assert.Equal(2, (await _store.GetAsync(null))!.Id);
        Assert.False((await _store.GetAsync(1))!.IsDefault);

        Assert.True(await _store.DeleteAsync(2));
        Assert.Equal(1, (await _store.GetAsync(null))!.Id);
        Assert.True((await _store.GetAsync(1))!.IsDefault);
        Assert.False(await _store.DeleteAsync(1)); // the last one stays
        Assert.False(await _store.SetDefaultAsync(99));
    }
}
