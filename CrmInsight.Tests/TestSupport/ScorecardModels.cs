using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Scorecards;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A small scorecard and its report as the scorecard service would score it, for page tests: two
/// KPIs, csat (customer, objective 92) and win_rate (process, industry 0.35); the perspectives
/// weighted directly 60 % customer / 40 % process (financial and learning have no KPIs).
/// <para>
/// The scores (KPIS.md §6, higher is better: actual / target × 100):
/// csat 87.4 / 92 × 100 = 95.0 (green from 95); win_rate 7 won / 25 closed = 0.28, 0.28 / 0.35 × 100 = 80.0 (amber).
/// Each perspective has one KPI, so customer = 95.0 (excellent), process = 80.0 (good);
/// overall 0.6 × 95.0 + 0.4 × 80.0 = 57.0 + 32.0 = 89.0: good (75–89).
/// </para>
/// </summary>
public static class ScorecardModels
{
    private static readonly KpiCatalog Kpis = new();

    public static ScorecardDefinition Definition(int id = 1, string name = "Test card", bool isDefault = true) => new()
    {
        Id = id,
        Name = name,
        IsDefault = isDefault,
        PerspectiveMode = WeightingMode.Direct,
        Perspectives =
        [
            new PerspectiveSettings(Perspective.Financial, WeightingMode.Ahp),
            new PerspectiveSettings(Perspective.Customer, WeightingMode.Ahp, 0.6m),
            new PerspectiveSettings(Perspective.Process, WeightingMode.Ahp, 0.4m),
            new PerspectiveSettings(Perspective.Learning, WeightingMode.Ahp),
        ],
        Kpis =
        [
            new ScorecardKpi("csat", Perspective.Customer, ScorecardStandard.Objective, 92m, DefaultScorecard.AmberFrom, DefaultScorecard.GreenFrom),
            new ScorecardKpi("win_rate", Perspective.Process, ScorecardStandard.Industry, 0.35m, DefaultScorecard.AmberFrom, DefaultScorecard.GreenFrom),
        ],
    };

    /// <summary>
    /// The perspectives compared by AHP instead, inconsistently: customer 9× process, process 9×
    /// learning, learning 9× customer (a cycle); the weighting rule (GroupWeights) then falls back to equal weights.
    /// </summary>
    public static ScorecardDefinition Inconsistent() => Definition() with
    {
        PerspectiveMode = WeightingMode.Ahp,
        Judgements =
        [
            new Judgement(ScorecardDefinition.PerspectivesGroup, "customer", "process", 9m),
            new Judgement(ScorecardDefinition.PerspectivesGroup, "process", "learning", 9m),
            new Judgement(ScorecardDefinition.PerspectivesGroup, "learning", "customer", 9m),
        ],
    };

    /// <summary>The report of <paramref name="definition"/> with the class's figures, the perspective weights applied by the domain's rule.</summary>
    public static ScorecardReport Report(ScorecardDefinition definition, decimal? overall = 89.0m)
    {
        var weights = GroupWeights.For(definition, ScorecardDefinition.PerspectivesGroup);
        var csat = Score(definition, "csat", 87.4m, 95.0m, KpiStatus.Green, []);
        var win = Score(definition, "win_rate", 0.28m, 80.0m, KpiStatus.Amber, [new KpiInput("won", 7, false), new KpiInput("closed", 25, false)]);
        PerspectiveScore Of(Perspective p, decimal? score, ScoreGrade? grade, params ScorecardKpiScore[] kpis) =>
            new(p, score, grade, weights.WeightOf(p.Key()), score is null ? null : weights.WeightOf(p.Key()), GroupWeights.For(definition, p.Key()), kpis);
        return new ScorecardReport(definition, PageModels.Period, 1, overall, KpiScore.Grade(overall), weights,
        [
            Of(Perspective.Financial, null, null),
            Of(Perspective.Customer, 95.0m, ScoreGrade.Excellent, csat),
            Of(Perspective.Process, 80.0m, ScoreGrade.Good, win),
            Of(Perspective.Learning, null, null),
        ]);
    }

    private static ScorecardKpiScore Score(ScorecardDefinition definition, string id, decimal actual, decimal score, KpiStatus status, IReadOnlyList<KpiInput> inputs)
    {
        var kpi = definition.Kpis.Single(k => k.KpiId == id);
        return new ScorecardKpiScore(kpi, Kpis.TryGet(id, out var d) ? d : null, actual, kpi.Target, score, status, 1m, 1m, null, inputs);
    }
}
