using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Security;

/// <summary>What a key opens: the ingest API (writes only), reading (GET /api/kpis and exports), or a wall display (and nothing else).</summary>
public enum AccessKeyKind
{
    Api,
    Display,
    Read,
}

/// <summary>
/// A key as listed to admins: never the key itself, only its first characters. A key with
/// <see cref="Teams"/> is limited to those teams exactly as a sales lead is; without, it sees every team.
/// </summary>
public sealed record AccessKey(int Id, string Name, AccessKeyKind Kind, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt, IdSet Teams)
{
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The rows the key may see.</summary>
    public DataScope Scope => Teams.IsEmpty ? DataScope.All : DataScope.ForTeams(Teams);
}

/// <summary>A key just created: <see cref="Secret"/> is shown once and stored nowhere.</summary>
public sealed record CreatedAccessKey(AccessKey Key, string Secret);
