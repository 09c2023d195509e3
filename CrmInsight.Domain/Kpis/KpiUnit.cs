namespace CrmInsight.Domain.Kpis;

public enum KpiUnit
{
    /// <summary>Decimal money in the configured currency.</summary>
    Money,

    /// <summary>Whole things: orders, customers.</summary>
    Count,

    /// <summary>A share stored as a fraction (0.153) and shown as 15.3 %.</summary>
    Fraction,

    /// <summary>A plain ratio shown with decimals (2.4 items per order).</summary>
    Ratio,

    /// <summary>A score on its own scale (CSAT 0–100, NPS −100..100).</summary>
    Score,

    Minutes,

    /// <summary>Durations long enough to read in hours (resolution time).</summary>
    Hours,

    /// <summary>Short durations read in seconds (call wait and talk).</summary>
    Seconds,

    /// <summary>Long durations read in days (the sales cycle).</summary>
    Days,
}

public static class KpiUnits
{
    /// <summary>The API's unit name.</summary>
    public static string ApiName(this KpiUnit unit) => unit switch
    {
        KpiUnit.Money => "money",
        KpiUnit.Count => "count",
        KpiUnit.Fraction => "fraction",
        KpiUnit.Ratio => "ratio",
        KpiUnit.Score => "score",
        KpiUnit.Minutes => "minutes",
        KpiUnit.Hours => "hours",
        KpiUnit.Seconds => "seconds",
        KpiUnit.Days => "days",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
