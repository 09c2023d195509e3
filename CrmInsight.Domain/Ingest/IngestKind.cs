namespace CrmInsight.Domain.Ingest;

/// <summary>What an ingest request carries; the URL names it (<c>/api/ingest/{kind}</c>).</summary>
public enum IngestKind
{
    Orders,
    Tickets,
    Surveys,
    Touches,
    Opportunities,
}

public static class IngestKinds
{
    public static string UrlName(this IngestKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out IngestKind kind)
    {
        foreach (var candidate in Enum.GetValues<IngestKind>())
        {
            if (string.Equals(candidate.UrlName(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
