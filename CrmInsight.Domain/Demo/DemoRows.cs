namespace CrmInsight.Domain.Demo;

// One record per table row the generator writes; the sink decides where they go.

public sealed record RegionRow(int RegionId, string Name);

public sealed record NamedRow(int Id, string Name);

public sealed record TeamRow(int TeamId, string Name, int RegionId, bool KeyAccounts);

public sealed record RepRow(int RepId, string Name, int TeamId, int RegionId, DateOnly HiredDate);

public sealed record CampaignRow(int CampaignId, string Name, int MarketingChannelId, DateOnly StartDate, DateOnly EndDate, int AttributionDays, decimal Budget);

public sealed record CustomerRow(
    long CustomerId, string CustomerCode, string? Name, string? Email, string? Phone, string? City,
    int? RegionId, int? SegmentId, int? OwnerRepId, DateOnly AcquiredDate, int AcquisitionChannelId, int? AcquisitionCampaignId);

public readonly record struct OrderRow(
    long OrderId, long? CustomerId, DateOnly OrderDate, int? RepId, int? TeamId, int? RegionId, int? SegmentId,
    int ChannelId, int CategoryId, int? CampaignId, decimal Revenue, decimal Cost, int Items, decimal ReturnedValue, bool Cancelled);

public readonly record struct TicketRow(
    long TicketId, long CustomerId, string Category, string Channel, DateTime SubmittedAt, DateTime? FirstResponseAt,
    DateTime? ResolvedAt, bool IsComplaint, int AgentId, int? WaitSeconds, int? TalkSeconds);

public readonly record struct SurveyRow(long SurveyId, long CustomerId, DateOnly SurveyDate, string Touchpoint, short? Csat, short? ServiceRating, short? Recommend);

public readonly record struct TouchRow(int CampaignId, long CustomerId, DateOnly SentDate, bool Responded, DateOnly? RespondedDate, bool Converted);

public readonly record struct SpendRow(int CampaignId, DateOnly SpendDate, decimal Amount);

public readonly record struct OpportunityRow(long OpportunityId, int RepId, long CustomerId, DateOnly CreatedDate, DateOnly? ClosedDate, string Stage, decimal Amount);

public readonly record struct ActivityRow(long ActivityId, int RepId, long CustomerId, DateOnly ActivityDate, string Kind);

/// <summary>A rep's quota for a month, with the team the rep sells for that month.</summary>
public readonly record struct QuotaRow(int RepId, int TeamId, DateOnly MonthStart, decimal Amount);
