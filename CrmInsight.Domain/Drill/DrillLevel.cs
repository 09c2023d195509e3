using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Drill;

/// <summary>The drill path region → team → rep → customer (→ the customer's orders).</summary>
public enum DrillLevel
{
    Region,
    Team,
    Rep,
    Customer,
}

public static class DrillLevels
{
    public static string UrlName(this DrillLevel level) => level.ToString().ToLowerInvariant();

    public static DrillLevel? FromUrlName(string? value) =>
        Enum.GetValues<DrillLevel>().Cast<DrillLevel?>().FirstOrDefault(l => string.Equals(l!.Value.UrlName(), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The level below, or null at customers (whose next step is their order list).</summary>
    public static DrillLevel? Next(this DrillLevel level) => level == DrillLevel.Customer ? null : level + 1;

    /// <summary>The filter dimension a level's members select (customers have their own page).</summary>
    public static DimensionKind? Dimension(this DrillLevel level) => level switch
    {
        DrillLevel.Region => DimensionKind.Region,
        DrillLevel.Team => DimensionKind.Team,
        DrillLevel.Rep => DimensionKind.Rep,
        _ => null,
    };

    /// <summary>The level's name (resource key <c>drill.&lt;level&gt;</c>).</summary>
    public static LocalizedText Name(this DrillLevel level) => new($"drill.{level}");

    /// <summary>Every member of the level, the root of a drill path ("All regions"; resource key <c>drill.&lt;level&gt;.all</c>).</summary>
    public static LocalizedText AllMembers(this DrillLevel level) => new($"drill.{level}.all");
}
