using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Scorecards;

namespace CrmInsight.Tests.Domain.Scorecards;

/// <summary>The scoring rules of KPIS.md §6: the capped ratio, the grade bands and the status thresholds.</summary>
public sealed class KpiScoreTests
{
    [Theory]
    // ↑: 100 × actual / target. 0.12 growth against 0.10 → 120; 0.05 → 50.
    [InlineData(0.12, 0.10, KpiDirection.HigherIsBetter, 120.0)]
    [InlineData(0.05, 0.10, KpiDirection.HigherIsBetter, 50.0)]
    // ↓: 100 × target / actual. 240 min response against 180 → 75; 90 min → 200, capped at 150.
    [InlineData(240.0, 180.0, KpiDirection.LowerIsBetter, 75.0)]
    [InlineData(90.0, 180.0, KpiDirection.LowerIsBetter, 150.0)]
    // The cap on ↑: three times the target is 300, capped at 150; a negative actual is 0, not below.
    [InlineData(0.30, 0.10, KpiDirection.HigherIsBetter, 150.0)]
    [InlineData(-0.05, 0.10, KpiDirection.HigherIsBetter, 0.0)]
    // ↓ at zero (no complaints at all) is as good as it gets: the cap.
    [InlineData(0.0, 0.01, KpiDirection.LowerIsBetter, 150.0)]
    public void A_score_is_the_capped_ratio_to_the_target(double actual, double target, KpiDirection direction, double expected) =>
        Assert.Equal((decimal)expected, KpiScore.Of((decimal)actual, (decimal)target, direction));

    [Fact]
    public void An_undefined_actual_a_missing_or_non_positive_target_or_no_direction_has_no_score()
    {
        Assert.Null(KpiScore.Of(null, 0.1m, KpiDirection.HigherIsBetter));
        Assert.Null(KpiScore.Of(0.1m, null, KpiDirection.HigherIsBetter));
        Assert.Null(KpiScore.Of(0.1m, 0m, KpiDirection.HigherIsBetter));
        Assert.Null(KpiScore.Of(0.1m, 0.1m, KpiDirection.Neutral));
    }

    [Theory]
    [InlineData(59, ScoreGrade.Fail)]
    [InlineData(60, ScoreGrade.Pass)]
    [InlineData(74, ScoreGrade.Pass)]
    [InlineData(75, ScoreGrade.Good)]
    [InlineData(89, ScoreGrade.Good)]
    [InlineData(90, ScoreGrade.Excellent)]
    [InlineData(150, ScoreGrade.Excellent)]
    [InlineData(0, ScoreGrade.Fail)]
    public void Grades_follow_the_bands(int score, ScoreGrade grade) => Assert.Equal(grade, KpiScore.Grade(score));

    /// <summary>The grade is that of the score as shown (one decimal): 89.96 shows as 90.0 and is excellent; 89.94 shows as 89.9, good.</summary>
    [Fact]
    public void A_score_is_graded_as_it_is_shown()
    {
        Assert.Equal(ScoreGrade.Excellent, KpiScore.Grade(89.96m));
        Assert.Equal(ScoreGrade.Good, KpiScore.Grade(89.94m));
        Assert.Null(KpiScore.Grade(null));
    }

    [Theory]
    [InlineData(95.0, KpiStatus.Green)]
    [InlineData(94.9, KpiStatus.Amber)]
    [InlineData(75.0, KpiStatus.Amber)]
    [InlineData(74.9, KpiStatus.Red)]
    public void The_status_is_green_from_the_green_threshold_and_amber_from_the_amber_one(double score, KpiStatus status) =>
        Assert.Equal(status, KpiScore.Status((decimal)score, amberFrom: 75m, greenFrom: 95m));

    [Fact]
    public void A_historical_rule_measures_against_last_year_and_the_others_against_their_target()
    {
        var historical = new KpiStatusRule(ScorecardStandard.Historical, Target: 0.5m, AmberFrom: 75m, GreenFrom: 95m);
        var budget = new KpiStatusRule(ScorecardStandard.Budget, Target: 0.5m, AmberFrom: 75m, GreenFrom: 95m);

        // Margin 0.27 against last year's 0.30 → 90: amber. The entered 0.5 does not count for a historical standard.
        Assert.Equal(KpiStatus.Amber, historical.Evaluate(0.27m, 0.30m, KpiDirection.HigherIsBetter));
        // Against the budget of 0.5 → 54: red.
        Assert.Equal(KpiStatus.Red, budget.Evaluate(0.27m, 0.30m, KpiDirection.HigherIsBetter));
        // No value last year: no target, no status.
        Assert.Null(historical.Evaluate(0.27m, null, KpiDirection.HigherIsBetter));
    }
}
