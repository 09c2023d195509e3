using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Security;

/// <summary>One thing someone did: who, when, what, to what, from where.</summary>
public sealed record AuditEntry(long Id, DateTime At, string Actor, string Action, string? Target, string? Detail, string? Address);

/// <summary>The actions the audit log records (the values of its action column).</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string PasswordReset = "password-reset";
    public const string KeyCreated = "key-created";
    public const string KeyRevoked = "key-revoked";
    public const string Import = "import";
    public const string SimulatorOn = "simulator-on";
    public const string SimulatorOff = "simulator-off";
}

/// <summary>
/// The audit log (who did what when) of sign-ins, user and key changes, imports and simulator
/// switches, in the product's database. Texts are cut to the columns' widths so a long value
/// never makes the write fail.
/// </summary>
public sealed class AuditLog(ICrmDatabase database, QueryRunner runner, TimeProvider time)
{
    /// <summary>The actor of changes made on the command line.</summary>
    public const string CommandLineActor = "(command line)";

    /// <summary>The actor of changes the app makes by itself (the first admin).</summary>
    public const string SystemActor = "(system)";

    public async Task WriteAsync(string actor, string action, string? target = null, string? detail = null, string? address = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await runner.ExecuteAsync("audit/insert", SqlArgs.Empty
            .With("occurred_at", time.GetUtcNow().UtcDateTime)
            .With("actor", Cut(actor, 100) ?? "")
            .With("action", Cut(action, 64) ?? "")
            .With("target", Cut(target, 200))
            .With("detail", Cut(detail, 1000))
            .With("address", Cut(address, 64)), connection, null, cancellationToken);
    }

    /// <summary>A page of entries, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, long Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await runner.QueryRowsAsync("audit/list", SqlArgs.Empty.With("offset", Math.Max(0, offset)).With("limit", Math.Clamp(limit, 1, 500)), cancellationToken);
        return ([.. rows.Select(r => new AuditEntry(
            r.GetInt64("audit_id"), (DateTime)r["occurred_at"]!, r.GetString("actor")!, r.GetString("action")!,
            r.GetString("target"), r.GetString("detail"), r.GetString("address")))],
            rows.Count > 0 ? rows[0].GetInt64("total_rows") : 0);
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
