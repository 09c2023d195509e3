using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using Microsoft.Extensions.Localization;

namespace CrmInsight.Web.Components.Filters;

/// <summary>Display names of filter dimensions, presets and areas (English keys, localised).</summary>
public static class DimensionLabels
{
    public static string Label(this IStringLocalizer localizer, DimensionKind kind) => localizer[kind switch
    {
        DimensionKind.Region => "Region",
        DimensionKind.Segment => "Segment",
        DimensionKind.Channel => "Sales channel",
        DimensionKind.Category => "Product category",
        DimensionKind.Team => "Sales team",
        DimensionKind.Rep => "Sales rep",
        DimensionKind.Campaign => "Campaign",
        _ => kind.ToString(),
    }];

    public static string Label(this IStringLocalizer localizer, DatePreset preset) => localizer[preset switch
    {
        DatePreset.Last7Days => "Last 7 days",
        DatePreset.Last30Days => "Last 30 days",
        DatePreset.Last90Days => "Last 90 days",
        DatePreset.MonthToDate => "Month to date",
        DatePreset.QuarterToDate => "Quarter to date",
        DatePreset.YearToDate => "Year to date",
        DatePreset.LastMonth => "Last month",
        DatePreset.LastQuarter => "Last quarter",
        DatePreset.LastYear => "Last year",
        DatePreset.ThisMonth => "This month",
        DatePreset.ThisQuarter => "This quarter",
        _ => "Custom range",
    }];

    public static string Label(this IStringLocalizer localizer, ComparisonMode mode) =>
        localizer[mode == ComparisonMode.SamePeriodLastYear ? "Same period last year" : "Previous period"];

    public static string Label(this IStringLocalizer localizer, KpiArea area) => localizer[area switch
    {
        KpiArea.Contribution => "Customer contribution",
        KpiArea.Retention => "Retention and churn",
        KpiArea.Satisfaction => "Satisfaction and service",
        KpiArea.Marketing => "Marketing effectiveness",
        KpiArea.Sales => "Sales targets",
        KpiArea.DataHealth => "Data health",
        _ => area.ToString(),
    }];

    /// <summary>"2026-08-25 – 2026-11-22": the inclusive dates of a range for files and machines.</summary>
    public static string IsoDates(DateRange range) =>
        $"{range.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} – {range.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>"Mon 3 Aug 2026 – …": the inclusive dates of a range, in the culture's short form.</summary>
    public static string Dates(DateRange range, System.Globalization.CultureInfo culture) =>
        range.Days == 1
            ? range.From.ToString("d", culture)
            : $"{range.From.ToString("d", culture)} – {range.LastDay.ToString("d", culture)}";
}
