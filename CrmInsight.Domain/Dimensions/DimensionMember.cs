using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Dimensions;

/// <summary>A member a filter can select. ParentId: a team's region, a rep's team, a campaign's marketing channel.</summary>
public sealed record DimensionMember(DimensionKind Kind, int Id, string Name, int? ParentId);
