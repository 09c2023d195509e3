using System.Security.Cryptography;
using System.Text;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Security;

/// <summary>
/// API, read and display keys. A key is 32 random bytes (base64url) behind a kind prefix; only its
/// SHA-256 is stored — a key has the entropy a password lacks, so a plain hash is enough and
/// lookups stay one indexed read. Last use is written at most once a minute per key. Creating
/// and revoking a key is written to the audit log.
/// </summary>
public sealed class AccessKeyStore(ICrmDatabase database, QueryRunner runner, TimeProvider time, AuditLog audit)
{
    private static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(1);

    public static string PrefixOf(AccessKeyKind kind) => kind switch
    {
        AccessKeyKind.Api => "cik_api_",
        AccessKeyKind.Read => "cik_read_",
        _ => "cik_dsp_",
    };

    /// <param name="teams">The teams the key is limited to; empty: every team.</param>
    /// <exception cref="ArgumentException">The name is blank or too long, or a team does not exist.</exception>
    public async Task<CreatedAccessKey> CreateAsync(AccessKeyKind kind, string name, IdSet teams, string actor, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("A key needs a name of 1 to 100 characters (who or what uses it).", nameof(name));
        }
        if (await TeamCheck.UnknownAsync(runner, teams, cancellationToken) is { IsEmpty: false } unknown)
        {
            throw new ArgumentException($"There is no team {unknown}.", nameof(teams));
        }
        var secret = PrefixOf(kind) + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await runner.ExecuteAsync("keys/insert", SqlArgs.Empty
                .With("name", name).With("kind", KindName(kind)).With("key_hash", Hash(secret))
                .With("key_prefix", secret[..12]).With("created_at", now), connection, transaction, cancellationToken);
            var id = (await runner.QueryRowsAsync("keys/find", SqlArgs.Empty.With("key_hash", Hash(secret)), connection, transaction, cancellationToken))[0].GetInt64("key_id");
            foreach (var team in teams)
            {
                await runner.ExecuteAsync("keys/insert_team", SqlArgs.Empty.With("key_id", id).With("team_id", team), connection, transaction, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        var key = await FindAsync(secret, cancellationToken) ?? throw new InvalidOperationException("The new key was not stored.");
        await audit.WriteAsync(actor, AuditActions.KeyCreated, $"key #{key.Id} {name}", Describe(key), cancellationToken: cancellationToken);
        return new CreatedAccessKey(key, secret);
    }

    public async Task<IReadOnlyList<AccessKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var teams = await TeamsAsync(cancellationToken);
        return [.. (await runner.QueryRowsAsync("keys/list", SqlArgs.Empty, cancellationToken)).Select(r => ToKey(r, teams))];
    }

    /// <summary>The key of <paramref name="kind"/> the secret belongs to, if it is valid and not revoked; records its use.</summary>
    public async Task<AccessKey?> VerifyAsync(string? secret, AccessKeyKind kind, CancellationToken cancellationToken = default) =>
        await VerifyAnyAsync(secret, cancellationToken) is { } key && key.Kind == kind ? key : null;

    /// <summary>The key (of any kind) the secret belongs to, if it is valid and not revoked; records its use.</summary>
    public async Task<AccessKey?> VerifyAnyAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200 || !Enum.GetValues<AccessKeyKind>().Any(k => secret.StartsWith(PrefixOf(k), StringComparison.Ordinal)))
        {
            return null;
        }
        var key = await FindAsync(secret, cancellationToken);
        if (key is null || key.IsRevoked || !secret.StartsWith(PrefixOf(key.Kind), StringComparison.Ordinal))
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
    public async Task<bool> RevokeAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        bool revoked;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            revoked = await runner.ExecuteAsync("keys/revoke", SqlArgs.Empty.With("key_id", id).With("revoked_at", time.GetUtcNow().UtcDateTime), connection, null, cancellationToken) == 1;
        }
        if (revoked)
        {
            await audit.WriteAsync(actor, AuditActions.KeyRevoked, $"key #{id}", cancellationToken: cancellationToken);
        }
        return revoked;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>"read key, teams 1,2" — for lists and the audit log.</summary>
    public static string Describe(AccessKey key) => $"{KindName(key.Kind)} key, {(key.Teams.IsEmpty ? "all teams" : $"teams {key.Teams}")}";

    private async Task<AccessKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var rows = await runner.QueryRowsAsync("keys/find", SqlArgs.Empty.With("key_hash", Hash(secret)), cancellationToken);
        return rows.Count == 0 ? null : ToKey(rows[0], await TeamsAsync(cancellationToken));
    }

    private async Task<ILookup<int, int>> TeamsAsync(CancellationToken cancellationToken) =>
        (await runner.QueryRowsAsync("keys/teams", SqlArgs.Empty, cancellationToken))
            .ToLookup(r => (int)r.GetInt64("key_id"), r => (int)r.GetInt64("team_id"));

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
            case "read":
                kind = AccessKeyKind.Read;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string KindName(AccessKeyKind kind) => kind switch
    {
        AccessKeyKind.Api => "api",
        AccessKeyKind.Read => "read",
        _ => "display",
    };

    private static AccessKey ToKey(SqlRow row, ILookup<int, int> teams)
    {
        var id = (int)row.GetInt64("key_id");
        // A kind this version does not know opens nothing: it is listed as a display key, which
        // only the wall accepts, and its prefix matches no known kind so it never verifies.
        var kind = TryParseKind(row.GetString("kind"), out var known) ? known : AccessKeyKind.Display;
        return new AccessKey(
            id,
            row.GetString("name")!,
            kind,
            row.GetString("key_prefix")!,
            (DateTime)row["created_at"]!,
            row["last_used_at"] as DateTime?,
            row["revoked_at"] as DateTime?,
            IdSet.Of(teams[id]));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
