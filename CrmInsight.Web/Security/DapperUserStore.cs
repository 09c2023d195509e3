using System.Globalization;
using CrmInsight.Domain.Security;
using Microsoft.AspNetCore.Identity;

namespace CrmInsight.Web.Security;

/// <summary>
/// ASP.NET Core Identity's view of the product's user table: Identity does the hashing,
/// lockout and stamps and calls these to read and save; <see cref="UserAccountStore"/> runs the
/// hand-written SQL. A user has exactly one role. Deleting users is not offered (they are
/// disabled, so the audit log keeps meaning something).
/// </summary>
public sealed class DapperUserStore(UserAccountStore accounts) :
    IUserPasswordStore<UserAccount>,
    IUserRoleStore<UserAccount>,
    IUserLockoutStore<UserAccount>,
    IUserSecurityStampStore<UserAccount>
{
    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await accounts.CreateAsync(user, cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken cancellationToken) =>
        await accounts.UpdateAsync(user, cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());

    public Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NotSupported", Description = "Users are disabled, not deleted." }));

    public async Task<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        int.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await accounts.FindByIdAsync(id, cancellationToken) : null;

    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        accounts.FindByNormalizedNameAsync(normalizedUserName, cancellationToken);

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    // One role per user: adding a role replaces it.
    public Task AddToRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken)
    {
        user.Role = Roles.TryParseUserRole(roleName, out var role) ? role : throw new ArgumentException($"'{roleName}' is not a role.", nameof(roleName));
        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken)
    {
        if (string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase))
        {
            user.Role = "";
        }
        return Task.CompletedTask;
    }

    public Task<IList<string>> GetRolesAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>(user.Role.Length > 0 ? [user.Role] : []);

    // Identity passes normalised (upper-case) role names.
    public Task<bool> IsInRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase));

    public async Task<IList<UserAccount>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        [.. (await accounts.ListAsync(cancellationToken)).Where(u => string.Equals(u.Role, roleName, StringComparison.OrdinalIgnoreCase))];

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.LockoutEndsAt is { } end ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : (DateTimeOffset?)null);

    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEndsAt = lockoutEnd?.UtcDateTime;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public void Dispose()
    {
        // Nothing held: every call opens and closes its own connection.
    }
}
