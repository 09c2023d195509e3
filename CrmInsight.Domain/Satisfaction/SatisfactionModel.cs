using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Retention;

namespace CrmInsight.Domain.Satisfaction;

/// <summary>What service is broken down by: the ticket's channel, its category, or the agent.</summary>
public enum ServiceDimension
{
    Channel,
    Category,
    Agent,
}

public static class ServiceDimensions
{
    public static IReadOnlyList<ServiceDimension> All { get; } = [ServiceDimension.Channel, ServiceDimension.Category, ServiceDimension.Agent];

    public static string UrlName(this ServiceDimension dimension) => dimension switch
    {
        ServiceDimension.Channel => "channel",
        ServiceDimension.Category => "category",
        _ => "agent",
    };

    public static ServiceDimension? FromUrlName(string? text) =>
        All.Cast<ServiceDimension?>().FirstOrDefault(d => string.Equals(d!.Value.UrlName(), text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Service of one channel, category or agent in the period. <see cref="Key"/> selects its tickets
/// (the agent's id; the name itself for channels and categories). Means and percentiles are
/// null where no ticket has the duration.
/// </summary>
public sealed record ServiceRow(
    string Member,
    string Key,
    long Tickets,
    long Complaints,
    decimal? ResponseMinutes,
    decimal? ResponseP50Minutes,
    decimal? ResponseP90Minutes,
    decimal? ResolutionHours,
    decimal? ResolutionP50Hours,
    decimal? ResolutionP90Hours,
    decimal? ResolutionRate,
    decimal? RepeatRate,
    decimal? CallWaitSeconds,
    decimal? CallTalkSeconds);

public sealed record ServiceBreakdown(ServiceDimension Dimension, IReadOnlyList<ServiceRow> Rows);

/// <summary>Satisfaction and service of the customers who stayed or left (churn_rate's split).</summary>
public sealed record GroupSatisfaction(
    bool Churned,
    long Customers,
    decimal? Csat,
    decimal? Nps,
    long Tickets,
    decimal? ComplaintRate,
    decimal? ResponseMinutes,
    decimal? ResolutionHours);

public sealed record SatisfactionData(
    KpiReport Kpis,
    IReadOnlyDictionary<string, IReadOnlyList<MonthlyPoint>> Sparklines,
    IReadOnlyList<KpiTrend> Trends,
    IReadOnlyList<BandShare> CsatBands,
    IReadOnlyList<BandShare> ServiceBands,
    IReadOnlyList<ServiceBreakdown> Breakdowns,
    IReadOnlyList<GroupSatisfaction> ChurnedVsRetained);
