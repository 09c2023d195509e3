namespace CrmInsight.Domain.Tables;

// What identifies a row of each table, typed: what a click on the row opens.

/// <summary>A customer's row (top, churned, reached customers).</summary>
public sealed record CustomerRowKey(long CustomerId);

/// <summary>A member of the current drill level; null for sales without a team, rep or customer (nothing below).</summary>
public sealed record DrillRowKey(long? MemberId);

public sealed record OrderRowKey(long OrderId);

/// <summary>A ticket and its customer (null: a ticket whose customer is unknown).</summary>
public sealed record TicketRowKey(long TicketId, long? CustomerId);

public sealed record CampaignRowKey(int CampaignId);

/// <summary>A rep on one team (a rep who moved teams has a row per team).</summary>
public sealed record LeaderboardRowKey(int TeamId, int RepId);

public sealed record OpportunityRowKey(long OpportunityId);
