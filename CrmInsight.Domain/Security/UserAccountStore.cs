using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Security;

/// <summary>
/// User accounts in the product's database (both engines, hand-written SQL). Plain reads and
/// writes only: hashing, lockout rules and validation are ASP.NET Core Identity's, which reaches
/// this through the host's Identity user store.
/// </summary>
public sealed class UserAccountStore(ICrmDatabase database, QueryRunner runner)
{
    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        (int)(await runner.QueryRowsAsync("users/count", SqlArgs.Empty, cancellationToken))[0].GetInt64("users");

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        ToAccounts(await runner.QueryRowsAsync("users/list", SqlArgs.Empty, cancellationToken));

    public async Task<UserAccount?> FindByIdAsync(int id, CancellationToken cancellationToken = default) =>
        ToAccounts(await runner.QueryRowsAsync("users/find", FindArgs("id", id, ""), cancellationToken)).FirstOrDefault();

    public async Task<UserAccount?> FindByNormalizedNameAsync(string normalizedName, CancellationToken cancellationToken = default) =>
        ToAccounts(await runner.QueryRowsAsync("users/find", FindArgs("name", 0, normalizedName), cancellationToken)).FirstOrDefault();

    /// <summary>Inserts the account with its teams in one transaction and sets its <see cref="UserAccount.Id"/>.</summary>
    public async Task CreateAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await runner.ExecuteAsync("users/insert", Values(account), connection, transaction, cancellationToken);
        var rows = await runner.QueryRowsAsync("users/find", FindArgs("name", 0, account.NormalizedUserName), connection, transaction, cancellationToken);
        account.Id = (int)rows[0].GetInt64("user_id");
        await WriteTeamsAsync(account, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the account and its teams if nobody saved it since it was read, giving it a new
    /// concurrency stamp; false (nothing written) when someone did.
    /// </summary>
    public async Task<bool> UpdateAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        var next = Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var saved = await runner.ExecuteAsync("users/update", Values(account).With("new_concurrency_stamp", next), connection, transaction, cancellationToken);
        if (saved != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await runner.ExecuteAsync("users/delete_teams", SqlArgs.Empty.With("user_id", account.Id), connection, transaction, cancellationToken);
        await WriteTeamsAsync(account, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        account.ConcurrencyStamp = next;
        return true;
    }

    private async Task WriteTeamsAsync(UserAccount account, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var team in account.Teams)
        {
            await runner.ExecuteAsync("users/insert_team", SqlArgs.Empty.With("user_id", account.Id).With("team_id", team), connection, transaction, cancellationToken);
        }
    }

    private static SqlArgs FindArgs(string by, int id, string normalizedName) =>
        SqlArgs.Empty.With("by", by).With("user_id", id).With("normalized_user_name", normalizedName);

    private static SqlArgs Values(UserAccount a) => SqlArgs.Empty
        .With("user_id", a.Id)
        .With("user_name", a.UserName)
        .With("normalized_user_name", a.NormalizedUserName)
        .With("password_hash", a.PasswordHash)
        .With("security_stamp", a.SecurityStamp)
        .With("concurrency_stamp", a.ConcurrencyStamp)
        .With("role", a.Role)
        .With("lockout_enabled", a.LockoutEnabled ? 1 : 0)
        .With("lockout_ends_at", a.LockoutEndsAt)
        .With("access_failed_count", a.AccessFailedCount)
        .With("disabled_at", a.DisabledAt)
        .With("created_at", a.CreatedAt)
        .With("last_sign_in_at", a.LastSignInAt);

    /// <summary>Rows come one per (user, team), ordered by user.</summary>
    private static List<UserAccount> ToAccounts(IReadOnlyList<SqlRow> rows) =>
        [.. rows.GroupBy(r => r.GetInt64("user_id")).Select(g =>
        {
            var r = g.First();
            return new UserAccount
            {
                Id = (int)r.GetInt64("user_id"),
                UserName = r.GetString("user_name")!,
                NormalizedUserName = r.GetString("normalized_user_name")!,
                PasswordHash = r.GetString("password_hash"),
                SecurityStamp = r.GetString("security_stamp")!,
                ConcurrencyStamp = r.GetString("concurrency_stamp")!,
                Role = r.GetString("role")!,
                Teams = IdSet.Of(g.Where(t => t["team_id"] is not null).Select(t => (int)t.GetInt64("team_id"))),
                LockoutEnabled = r.GetInt64("lockout_enabled") == 1,
                LockoutEndsAt = r["lockout_ends_at"] as DateTime?,
                AccessFailedCount = (int)r.GetInt64("access_failed_count"),
                DisabledAt = r["disabled_at"] as DateTime?,
                CreatedAt = (DateTime)r["created_at"]!,
                LastSignInAt = r["last_sign_in_at"] as DateTime?,
            };
        })];
}
