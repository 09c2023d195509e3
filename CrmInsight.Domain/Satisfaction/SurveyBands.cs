using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Satisfaction;

/// <summary>One band of a score distribution: its answers and their share of all answers (null without answers).</summary>
public sealed record BandShare(string Key, LocalizedText Label, string Range, long Count, decimal? Share);

/// <summary>
/// The CSAT and service-quality bands of KPIS.md §3. The boundaries live in kpi/surveys (which
/// counts each band); this names them and turns the counts into shares.
/// </summary>
public static class SurveyBands
{
    private static readonly (string Key, LocalizedText Label, string Range, string Measure)[] CsatBands =
    [
        ("very_satisfied", new("Very satisfied", "非常满意"), "90–100", "csat_very_satisfied"),
        ("satisfied", new("Satisfied", "满意"), "70–89", "csat_satisfied"),
        ("neutral", new("Neutral", "一般"), "50–69", "csat_neutral"),
        ("dissatisfied", new("Dissatisfied", "不满意"), "0–49", "csat_dissatisfied"),
    ];

    private static readonly (string Key, LocalizedText Label, string Range, string Measure)[] ServiceBands =
    [
        ("excellent", new("Excellent", "优秀"), "9–10", "service_excellent"),
        ("good", new("Good", "良好"), "7–8", "service_good"),
        ("pass", new("Pass", "合格"), "5–6", "service_pass"),
        ("fail", new("Fail", "不合格"), "1–4", "service_fail"),
    ];

    /// <summary>The CSAT bands of a kpi/surveys row (no row: no answers).</summary>
    public static IReadOnlyList<BandShare> Csat(SqlRow? row) => From(row, CsatBands, "csat_responses");

    /// <summary>The service-quality bands of a kpi/surveys row.</summary>
    public static IReadOnlyList<BandShare> Service(SqlRow? row) => From(row, ServiceBands, "service_ratings");

    private static List<BandShare> From(SqlRow? row, (string Key, LocalizedText Label, string Range, string Measure)[] bands, string total)
    {
        var answers = row?.GetInt64(total) ?? 0;
        return [.. bands.Select(b =>
        {
            var count = row?.GetInt64(b.Measure) ?? 0;
            return new BandShare(b.Key, b.Label, b.Range, count, MeasureContext.Ratio(count, answers));
        })];
    }
}
