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
    private static readonly (string Key, string Range, string Measure)[] CsatBands =
    [
        ("very_satisfied", "90–100", "csat_very_satisfied"),
        ("satisfied", "70–89", "csat_satisfied"),
        ("neutral", "50–69", "csat_neutral"),
        ("dissatisfied", "0–49", "csat_dissatisfied"),
    ];

    private static readonly (string Key, string Range, string Measure)[] ServiceBands =
    [
        ("excellent", "9–10", "service_excellent"),
        ("good", "7–8", "service_good"),
        ("pass", "5–6", "service_pass"),
        ("fail", "1–4", "service_fail"),
    ];

    /// <summary>The CSAT bands of a kpi/surveys row (no row: no answers).</summary>
    public static IReadOnlyList<BandShare> Csat(SqlRow? row) => From(row, "csat", CsatBands, "csat_responses");

    /// <summary>The service-quality bands of a kpi/surveys row.</summary>
    public static IReadOnlyList<BandShare> Service(SqlRow? row) => From(row, "service", ServiceBands, "service_ratings");

    // A band's name is the resource band.<group>.<key>.
    private static List<BandShare> From(SqlRow? row, string group, (string Key, string Range, string Measure)[] bands, string total)
    {
        var answers = row?.GetInt64(total) ?? 0;
        return [.. bands.Select(b =>
        {
            var count = row?.GetInt64(b.Measure) ?? 0;
            return new BandShare(b.Key, new LocalizedText($"band.{group}.{b.Key}"), b.Range, count, MeasureContext.Ratio(count, answers));
        })];
    }
}
