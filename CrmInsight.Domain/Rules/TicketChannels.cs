namespace CrmInsight.Domain.Rules;

/// <summary>
/// The service channels a ticket comes in by. Every ticket names one (the call-centre KPIs read
/// <c>phone</c>; the Satisfaction page splits by channel), for import and ingest alike.
/// </summary>
public static class TicketChannels
{
    public static readonly IReadOnlyList<string> All = ["phone", "email", "chat", "web"];

    /// <summary>The channel in lower case, or null when <paramref name="text"/> is none of <see cref="All"/>.</summary>
    public static string? Normalize(string text)
    {
        var channel = text.Trim().ToLowerInvariant();
        return All.Contains(channel) ? channel : null;
    }
}
