using System.Security.Cryptography;
using System.Text;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Security;

/// <summary>
/// API and display keys. A key is 32 random bytes (base64url) behind a kind prefix; only its
/// SHA-256 is stored — a key has the entropy a password lacks, so a plain hash is enough and
/// lookups stay one indexed read. Last use is written at most once a minute per key.
/// </summary>
public sealed class AccessKeyStore(ICrmDatabase database, QueryRunner runner, TimeProvider time)
{
    private static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(1);

    public static string PrefixOf(AccessKeyKind kind) => kind == AccessKeyKind.Api ? "cik_api_" : "cik_dsp_";

    public async Task<CreatedAccessKey> CreateAsync(AccessKeyKind kind, string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("A key needs a name of 1 to 100 characters (who or what uses it).", nameof(name));
        }
        var secret = PrefixOf(kind) + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await runner.ExecuteAsync("keys/insert", SqlArgs.Empty
                .With("name", name).With("kind", KindName(kind)).With("key_hash", Hash(secret))
                .With("key_prefix", secret[..12]).With("created_at", now), connection, null, cancellationToken);
        }
        var key = await FindAsync(secret, cancellationToken) ?? throw new InvalidOperationException("The new key was not stored.");
        return new CreatedAccessKey(key, secret);
    }

    public async Task<IReadOnlyList<AccessKey>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await runner.QueryRowsAsync("keys/list", SqlArgs.Empty, cancellationToken)).Select(ToKey)];

    /// <summary>The key of <paramref name="kind"/> the secret belongs to, if it is valid and not revoked; records its use.</summary>
    public async Task<AccessKey?> VerifyAsync(string? secret, AccessKeyKind kind, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200 || !secret.StartsWith(PrefixOf(kind), StringComparison.Ordinal))
        {
            return null;
        }
        var key = await FindAsync(secret, cancellationToken);
        if (key is null || key.IsRevoked || key.Kind != kind)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is not { } used || now - used >= UseRecordInterval)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await runner.ExecuteAsync("keys/touch", SqlArgs.Empty.With("key_id", key.Id).With("used_at", now), connection, null, cancellationToken);
        }
        return key;
    }

    /// <summary>Whether the key still exists and is not revoked (a wall's periodic check).</summary>
    public async Task<bool> IsActiveAsync(int id, CancellationToken cancellationToken = default) =>
        (await runner.QueryRowsAsync("keys/by_id", SqlArgs.Empty.With("key_id", id), cancellationToken)) is [var row] && row["revoked_at"] is null;

    /// <returns>false when there is no such key or it was revoked already.</returns>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await runner.ExecuteAsync("keys/revoke", SqlArgs.Empty.With("key_id", id).With("revoked_at", time.GetUtcNow().UtcDateTime), connection, null, cancellationToken) == 1;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private async Task<AccessKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var rows = await runner.QueryRowsAsync("keys/find", SqlArgs.Empty.With("key_hash", Hash(secret)), cancellationToken);
        return rows.Count == 0 ? null : ToKey(rows[0]);
    }

    public static bool TryParseKind(string? text, out AccessKeyKind kind)
    {
        switch (text?.ToLowerInvariant())
        {
            case "api":
                kind = AccessKeyKind.Api;
                return true;
            case "display":
                kind = AccessKeyKind.Display;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    private static string KindName(AccessKeyKind kind) => kind == AccessKeyKind.Api ? "api" : "display";

    private static AccessKey ToKey(SqlRow row) => new(
        (int)row.GetInt64("key_id"),
        row.GetString("name")!,
        row.GetString("kind") == "display" ? AccessKeyKind.Display : AccessKeyKind.Api,
        row.GetString("key_prefix")!,
        (DateTime)row["created_at"]!,
        row["last_used_at"] as DateTime?,
        row["revoked_at"] as DateTime?);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
