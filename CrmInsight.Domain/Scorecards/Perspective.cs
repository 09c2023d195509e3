namespace CrmInsight.Domain.Scorecards;

/// <summary>The four perspectives of the balanced scorecard (平衡计分卡), in display order.</summary>
public enum Perspective
{
    Financial,
    Customer,
    Process,
    Learning,
}

public static class Perspectives
{
    public static IReadOnlyList<Perspective> All { get; } = Enum.GetValues<Perspective>();

    /// <summary>The name stored in the database, the URL and the API.</summary>
    public static string Key(this Perspective perspective) => perspective.ToString().ToLowerInvariant();

    /// <summary>The perspective's name (resource key <c>perspective.&lt;name&gt;</c>).</summary>
    public static LocalizedText Name(this Perspective perspective) => new($"perspective.{perspective}");

    public static bool TryParse(string? key, out Perspective perspective)
    {
        foreach (var each in All)
        {
            if (string.Equals(each.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                perspective = each;
                return true;
            }
        }
        perspective = default;
        return false;
    }
}
