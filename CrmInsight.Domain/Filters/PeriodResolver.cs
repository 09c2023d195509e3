namespace CrmInsight.Domain.Filters;

/// <summary>The concrete dates a filter means today: the period and its comparison period.</summary>
public sealed record ResolvedPeriod(DateRange Period, DateRange Comparison, ComparisonMode Mode)
{
    /// <summary>The comparison period's own comparison period (for the comparison value of growth KPIs).</summary>
    public DateRange ComparisonOfComparison => Comparison.ComparedWith(Mode);
}

/// <summary>Turns presets into dates. "Today" comes from <see cref="TimeProvider"/>, so tests are deterministic.</summary>
public sealed class PeriodResolver(TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>
    /// The instant (UTC) the data-health measures of a window are read at (KPIS.md §7): its end,
    /// or now while it runs — to the whole minute, so a minute's readers share one result.
    /// </summary>
    public DateTime AsOfUtc(DateRange window)
    {
        var endLocal = window.To.ToDateTime(TimeOnly.MinValue);
        var end = endLocal - time.LocalTimeZone.GetUtcOffset(endLocal);
        var now = time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        return DateTime.SpecifyKind(end < now ? end : now, DateTimeKind.Utc);
    }

    public ResolvedPeriod Resolve(DashboardFilter filter)
    {
        var period = Range(filter, Today);
        return new ResolvedPeriod(period, period.ComparedWith(filter.Comparison), filter.Comparison);
    }

    /// <summary>
    /// Ranges include today where they run "to date", so a live wall shows today's orders. "This
    /// month" and "this quarter" run to the period's end, so sales targets can tell the days
    /// already gone from the days left (pace, run-rate forecast).
    /// </summary>
    public static DateRange Range(DashboardFilter filter, DateOnly today)
    {
        var tomorrow = today.AddDays(1);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        return filter.Preset switch
        {
            DatePreset.Last7Days => new(today.AddDays(-6), tomorrow),
            DatePreset.Last30Days => new(today.AddDays(-29), tomorrow),
            DatePreset.Last90Days => new(today.AddDays(-89), tomorrow),
            DatePreset.MonthToDate => new(monthStart, tomorrow),
            DatePreset.QuarterToDate => new(quarterStart, tomorrow),
            DatePreset.YearToDate => new(yearStart, tomorrow),
            DatePreset.LastMonth => new(monthStart.AddMonths(-1), monthStart),
            DatePreset.LastQuarter => new(quarterStart.AddMonths(-3), quarterStart),
            DatePreset.LastYear => new(yearStart.AddYears(-1), yearStart),
            DatePreset.ThisMonth => new(monthStart, monthStart.AddMonths(1)),
            DatePreset.ThisQuarter => new(quarterStart, quarterStart.AddMonths(3)),
            DatePreset.Custom when filter.From is { } from => new(from, filter.To ?? Later(from, tomorrow)),
            _ => Range(filter with { Preset = DatePresets.Default }, today),
        };
    }

    /// <summary>An open-ended custom range runs through today, or one day if it starts later.</summary>
    private static DateOnly Later(DateOnly from, DateOnly tomorrow) => tomorrow > from ? tomorrow : from.AddDays(1);
}
