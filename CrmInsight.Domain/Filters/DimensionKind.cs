namespace CrmInsight.Domain.Filters;

/// <summary>The dimensions a dashboard can be filtered by (besides the date range).</summary>
public enum DimensionKind
{
    Region,
    Segment,
    Channel,
    Category,
    Team,
    Rep,
    Campaign,
}

public static class DimensionKinds
{
    public static IReadOnlyList<DimensionKind> All { get; } = Enum.GetValues<DimensionKind>();

    /// <summary>The URL query-string name, also the stem of the SQL parameters (<c>@region_ids</c>).</summary>
    public static string UrlName(this DimensionKind kind) => kind switch
    {
        DimensionKind.Region => "region",
        DimensionKind.Segment => "segment",
        DimensionKind.Channel => "channel",
        DimensionKind.Category => "category",
        DimensionKind.Team => "team",
        DimensionKind.Rep => "rep",
        DimensionKind.Campaign => "campaign",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static DimensionKind? FromUrlName(string name) =>
        All.Cast<DimensionKind?>().FirstOrDefault(k => string.Equals(k!.Value.UrlName(), name, StringComparison.OrdinalIgnoreCase));
}
