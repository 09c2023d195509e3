namespace CrmInsight.Domain.Filters;

/// <summary>Named date ranges, resolved against "today" when a query runs.</summary>
public enum DatePreset
{
    Last7Days,
    Last30Days,
    Last90Days,
    MonthToDate,
    QuarterToDate,
    YearToDate,
    LastMonth,
    LastQuarter,
    LastYear,

    /// <summary>The whole calendar month of today, days still to come included: the natural period of a monthly quota.</summary>
    ThisMonth,

    /// <summary>The whole calendar quarter of today.</summary>
    ThisQuarter,
    Custom,
}

public static class DatePresets
{
    /// <summary>The preset a page opens with when the URL names none.</summary>
    public const DatePreset Default = DatePreset.Last90Days;

    private static readonly (DatePreset Preset, string Url)[] UrlNames =
    [
        (DatePreset.Last7Days, "7d"),
        (DatePreset.Last30Days, "30d"),
        (DatePreset.Last90Days, "90d"),
        (DatePreset.ThisMonth, "month"),
        (DatePreset.ThisQuarter, "quarter"),
        (DatePreset.MonthToDate, "mtd"),
        (DatePreset.QuarterToDate, "qtd"),
        (DatePreset.YearToDate, "ytd"),
        (DatePreset.LastMonth, "last-month"),
        (DatePreset.LastQuarter, "last-quarter"),
        (DatePreset.LastYear, "last-year"),
    ];

    /// <summary>The presets a user can pick (Custom is chosen by giving dates).</summary>
    public static IReadOnlyList<DatePreset> Selectable { get; } = [.. UrlNames.Select(u => u.Preset)];

    public static string UrlName(this DatePreset preset) =>
        UrlNames.FirstOrDefault(u => u.Preset == preset).Url ?? "custom";

    public static DatePreset? FromUrlName(string value) =>
        UrlNames.Where(u => string.Equals(u.Url, value, StringComparison.OrdinalIgnoreCase))
            .Select(u => (DatePreset?)u.Preset)
            .FirstOrDefault();
}
