using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Scorecards;
using Microsoft.Extensions.Localization;

namespace CrmInsight.Web.Components.Scorecards;

/// <summary>Display names of the scorecard's and alerts' enums (English keys, localised).</summary>
public static class ScorecardLabels
{
    public static string Label(this IStringLocalizer localizer, ScorecardStandard standard) => localizer[standard switch
    {
        ScorecardStandard.Budget => "Budget",
        ScorecardStandard.Historical => "Same period last year",
        ScorecardStandard.Industry => "Industry benchmark",
        _ => "Objective value",
    }];

    public static string Label(this IStringLocalizer localizer, KpiStatus status) => localizer[status switch
    {
        KpiStatus.Red => "Red",
        KpiStatus.Amber => "Amber",
        _ => "Green",
    }];

    public static string Label(this IStringLocalizer localizer, ScoreGrade grade) => localizer[grade switch
    {
        ScoreGrade.Excellent => "Excellent",
        ScoreGrade.Good => "Good",
        ScoreGrade.Pass => "Pass",
        _ => "Fail",
    }];

    public static string Label(this IStringLocalizer localizer, ScoreNote note) => localizer[note switch
    {
        ScoreNote.NotAvailable => "Not available in this version: left out of the weighting",
        ScoreNote.NoTarget => "No value a year earlier to measure against: left out of the weighting",
        _ => "No value for this filter: left out of the weighting",
    }];

    public static string Label(this IStringLocalizer localizer, WeightingMode mode) =>
        localizer[mode == WeightingMode.Direct ? "Weights entered directly" : "Pairwise comparisons (AHP)"];

    public static string Label(this IStringLocalizer localizer, AlertComparison comparison) =>
        localizer[comparison == AlertComparison.Below ? "below" : "above"];

    public static string Label(this IStringLocalizer localizer, AlertEventKind kind) =>
        localizer[kind == AlertEventKind.Cleared ? "Cleared" : "Fired"];

    /// <summary>The CSS class of a status colour (status-red ...), empty without one.</summary>
    public static string StatusClass(KpiStatus? status) => status is { } s ? "status-" + s.ToString().ToLowerInvariant() : "";

    /// <summary>The CSS class of a grade band (grade-good ...).</summary>
    public static string GradeClass(ScoreGrade? grade) => grade is { } g ? "grade-" + g.ToString().ToLowerInvariant() : "";
}
