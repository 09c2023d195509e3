using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Scorecards;

namespace CrmInsight.Tests.Domain.Scorecards;

/// <summary>
/// The composite arithmetic of KPIS.md §6 on a small scorecard whose weights are entered
/// directly, so every number can be followed by hand.
/// </summary>
public sealed class ScorecardComposeTests
{
    private static readonly KpiCatalog Catalog = new();
    private static readonly ResolvedPeriod Period = new(
        new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)),
        new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1)),
        ComparisonMode.PreviousPeriod);

    /// <summary>
    /// Financial (weight 3): revenue_growth 0.12 vs budget 0.10 → 120 (weight 1), gross_margin
    /// 0.27 vs last year's 0.30 → 90 (weight 1) → (120 + 90) / 2 = 105.
    /// Customer (weight 1): csat 72 vs objective 90 → 80 (weight 3), complaint_rate ↓ 0.02 vs 0.01 →
    /// 50 (weight 1) → (3 × 80 + 50) / 4 = 72.5.
    /// Process (weight 1): first_response_time undefined → left out; resolution_rate 0.9 vs 0.9 →
    /// 100 takes all the weight → 100.
    /// Learning (weight 5): training_hours is not in this build's catalog → no score → the
    /// perspective has none and leaves the overall weighting.
    /// Overall over the scored perspectives (3 + 1 + 1 = 5): (3 × 105 + 72.5 + 100) / 5 = 97.5 → excellent.
    /// </summary>
    [Fact]
    public void Kpi_perspective_and_overall_scores_are_weighted_sums_over_what_has_a_score()
    {
        var scorecard = new ScorecardDefinition
        {
            Name = "Test",
            PerspectiveMode = WeightingMode.Direct,
            Perspectives =
            [
                new(Perspective.Financial, WeightingMode.Direct, 3),
                new(Perspective.Customer, WeightingMode.Direct, 1),
                new(Perspective.Process, WeightingMode.Direct, 1),
                new(Perspective.Learning, WeightingMode.Direct, 5),
            ],
            Kpis =
            [
                new("revenue_growth", Perspective.Financial, ScorecardStandard.Budget, 0.10m, 75, 95, DirectWeight: 1),
                new("gross_margin", Perspective.Financial, ScorecardStandard.Historical, null, 75, 95, DirectWeight: 1),
                new("csat", Perspective.Customer, ScorecardStandard.Objective, 90m, 75, 95, DirectWeight: 3),
                new("complaint_rate", Perspective.Customer, ScorecardStandard.Objective, 0.01m, 75, 95, DirectWeight: 1),
                new("first_response_time", Perspective.Process, ScorecardStandard.Objective, 180m, 75, 95, DirectWeight: 1),
                new("resolution_rate", Perspective.Process, ScorecardStandard.Objective, 0.9m, 75, 95, DirectWeight: 1),
                new("training_hours", Perspective.Learning, ScorecardStandard.Budget, 40m, 75, 95, DirectWeight: 1),
            ],
        };
        var actuals = Values(("revenue_growth", 0.12m), ("gross_margin", 0.27m), ("csat", 72m), ("complaint_rate", 0.02m),
            ("first_response_time", null), ("resolution_rate", 0.9m));
        var lastYear = Values(("gross_margin", 0.30m));

        var report = ScorecardService.Compose(scorecard, Catalog, Period, 7, actuals, lastYear);

        var financial = report.Perspectives[0];
        Assert.Equal(120m, financial.Kpis[0].Score);
        Assert.Equal(0.30m, financial.Kpis[1].Target);
        Assert.Equal(90m, financial.Kpis[1].Score);
        Assert.Equal(105m, financial.Score);
        Assert.Equal(0.3m, financial.Weight);

        var customer = report.Perspectives[1];
        Assert.Equal(80m, customer.Kpis[0].Score);
        Assert.Equal(50m, customer.Kpis[1].Score);
        Assert.Equal(KpiStatus.Red, customer.Kpis[1].Status);
        Assert.Equal(72.5m, customer.Score);
        Assert.Equal(ScoreGrade.Pass, customer.Grade);

        var process = report.Perspectives[2];
        Assert.Null(process.Kpis[0].Score);
        Assert.Equal(ScoreNote.UndefinedActual, process.Kpis[0].Note);
        Assert.Null(process.Kpis[0].AppliedWeight);
        Assert.Equal(0.5m, process.Kpis[0].Weight);
        Assert.Equal(1m, process.Kpis[1].AppliedWeight);
        Assert.Equal(100m, process.Score);

        var learning = report.Perspectives[3];
        Assert.Equal(ScoreNote.NotAvailable, learning.Kpis[0].Note);
        Assert.Null(learning.Score);
        Assert.Null(learning.AppliedWeight);

        Assert.Equal(0.6m, financial.AppliedWeight);
        Assert.Equal(97.5m, report.Score);
        Assert.Equal(ScoreGrade.Excellent, report.Grade);
        Assert.Equal(Perspective.Customer, report.Weakest!.Perspective);
        Assert.Equal(["complaint_rate"], report.Red.Select(k => k.Kpi.KpiId));
    }

    /// <summary>
    /// AHP weighting: the customer KPIs judged csat 3× complaint_rate, a 2×2 matrix, give weights
    /// 3/4 and 1/4; the scores 80 and 50 make (0.75 × 80 + 0.25 × 50) = 72.5. An inconsistent
    /// perspectives matrix is not applied: each perspective with a score weighs the same.
    /// </summary>
    [Fact]
    public void Ahp_weights_are_applied_and_inconsistent_ones_fall_back_to_equal()
    {
        var scorecard = new ScorecardDefinition
        {
            Name = "Test",
            Perspectives = [.. Perspectives.All.Select(p => new PerspectiveSettings(p, WeightingMode.Ahp))],
            Kpis =
            [
                new("revenue_growth", Perspective.Financial, ScorecardStandard.Budget, 0.10m, 75, 95),
                new("csat", Perspective.Customer, ScorecardStandard.Objective, 90m, 75, 95),
                new("complaint_rate", Perspective.Customer, ScorecardStandard.Objective, 0.01m, 75, 95),
                new("resolution_rate", Perspective.Process, ScorecardStandard.Objective, 0.9m, 75, 95),
            ],
            Judgements =
            [
                new("customer", "csat", "complaint_rate", 3),
                // financial ≫ customer ≫ process, yet process ≫ financial: a cycle.
                new(ScorecardDefinition.PerspectivesGroup, "financial", "customer", 9),
                new(ScorecardDefinition.PerspectivesGroup, "customer", "process", 9),
                new(ScorecardDefinition.PerspectivesGroup, "financial", "process", 1 / 9m),
            ],
        };
        var actuals = Values(("revenue_growth", 0.12m), ("csat", 72m), ("complaint_rate", 0.02m), ("resolution_rate", 0.9m));

        var report = ScorecardService.Compose(scorecard, Catalog, Period, 7, actuals, Values());

        var customer = report.Perspectives[1];
        Assert.Equal(0.75m, customer.Kpis[0].Weight, 6);
        Assert.Equal(72.5m, customer.Score!.Value, 6);
        Assert.True(report.PerspectiveWeights.UsesFallback);
        Assert.False(report.PerspectiveWeights.Ahp!.IsConsistent);
        // Financial 120, customer 72.5, process 100; learning has no KPI. Equal weights over the three: 292.5 / 3 = 97.5.
        Assert.Equal(97.5m, report.Score!.Value, 6);
    }

    private static Dictionary<string, KpiValue> Values(params (string Id, decimal? Value)[] values) =>
        values.ToDictionary(v => v.Id, v => new KpiValue(v.Value, []), StringComparer.OrdinalIgnoreCase);
}
