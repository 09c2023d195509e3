namespace CrmInsight.Domain.Security;

/// <summary>What a key opens: the ingest API, or a wall display (and nothing else).</summary>
public enum AccessKeyKind
{
    Api,
    Display,
}

/// <summary>A key as listed to admins: never the key itself, only its first characters.</summary>
public sealed record AccessKey(int Id, string Name, AccessKeyKind Kind, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A key just created: <see cref="Secret"/> is shown once and stored nowhere.</summary>
public sealed record CreatedAccessKey(AccessKey Key, string Secret);
