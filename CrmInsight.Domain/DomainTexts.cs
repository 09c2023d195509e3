using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Marketing;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;

namespace CrmInsight.Domain;

/// <summary>
/// Every text the Domain names (<see cref="LocalizedText"/> keys), so the Web can prove it has
/// each in every language it ships. A new KPI, table column, stage or segment is listed here by
/// what it is, not by hand.
/// </summary>
public static class DomainTexts
{
    /// <summary>The messages of the alert and scorecard validators (their values fill the placeholders).</summary>
    public static IReadOnlyList<string> Messages { get; } =
    [
        "alert.comparison",
        "alert.filter_invalid",
        "alert.name_length",
        "alert.no_teams",
        "alert.sustain_range",
        "alert.team_outside_scope",
        "alert.unknown_team",
        "problem.unknown_kpi",
        "scorecard.comparison_group",
        "scorecard.duplicate_kpi",
        "scorecard.judgement_scale",
        "scorecard.name_length",
        "scorecard.negative_weight",
        "scorecard.no_direction",
        "scorecard.no_kpis",
        "scorecard.perspective_too_large",
        "scorecard.target_above_zero",
        "scorecard.thresholds",
    ];

    // After Messages: static fields initialise in order.
    public static IReadOnlySet<string> Keys { get; } = new SortedSet<string>(Enumerate(), StringComparer.Ordinal);


    private static IEnumerable<string> Enumerate()
    {
        foreach (var kpi in new KpiCatalog().All)
        {
            yield return kpi.Name.Key;
            yield return kpi.Formula.Key;
        }
        foreach (var measure in MeasureLabels.Known)
        {
            yield return MeasureLabels.For(measure).Key;
        }
        foreach (var table in TableCatalog.All)
        {
            yield return table.Title.Key;
            foreach (var column in table.Columns)
            {
                yield return column.Header.Key;
                foreach (var code in column.Codes?.Values ?? [])
                {
                    yield return code.Key;
                }
            }
        }
        foreach (var label in OpportunityStages.Labels.Values)
        {
            yield return label.Key;
        }
        foreach (var segment in Enum.GetValues<RfmSegment>())
        {
            yield return segment.Name().Key;
            yield return segment.Rule().Key;
        }
        foreach (var level in Enum.GetValues<DrillLevel>())
        {
            yield return level.Name().Key;
            yield return level.AllMembers().Key;
        }
        foreach (var band in SurveyBands.Csat(null).Concat(SurveyBands.Service(null)))
        {
            yield return band.Label.Key;
        }
        foreach (var stage in MarketingService.Funnel(null))
        {
            yield return stage.Label.Key;
        }
        foreach (var perspective in Perspectives.All)
        {
            yield return perspective.Name().Key;
        }
        foreach (var message in Messages)
        {
            yield return message;
        }
    }
}
