namespace CrmInsight.Domain.Filters;

/// <summary>What a period is compared with.</summary>
public enum ComparisonMode
{
    /// <summary>The period of equal length that ends where this one starts.</summary>
    PreviousPeriod,

    /// <summary>The same dates one year earlier.</summary>
    SamePeriodLastYear,
}

public static class ComparisonModes
{
    public static string UrlName(this ComparisonMode mode) => mode == ComparisonMode.SamePeriodLastYear ? "yoy" : "prev";

    public static ComparisonMode? FromUrlName(string value) => value.ToLowerInvariant() switch
    {
        "prev" or "previous" => ComparisonMode.PreviousPeriod,
        "yoy" or "year" => ComparisonMode.SamePeriodLastYear,
        _ => null,
    };
}
