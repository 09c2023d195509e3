using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using Microsoft.AspNetCore.Identity;

namespace CrmInsight.Web.Security;

/// <summary>The outcome of a change to a user: what was wrong, or the password generated for them (shown once).</summary>
public sealed record UserChangeResult(IReadOnlyList<string> Errors, UserAccount? User = null, string? GeneratedPassword = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static UserChangeResult Fail(params string[] errors) => new(errors);
}

/// <summary>
/// Creating, disabling, re-enabling, re-passwording and re-roling users, the same for the Users
/// page and the <c>users</c> command: through Identity's UserManager (validation, hashing,
/// stamps), written to the audit log, and ending the user's open screens when their access
/// changes. The last enabled admin can be neither disabled nor given another role.
/// </summary>
public sealed class UserAdministration(UserManager<UserAccount> users, UserAccountStore accounts, QueryRunner runner, AuditLog audit, UserSessions sessions, TimeProvider time)
{
    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) => accounts.ListAsync(cancellationToken);

    /// <param name="password">null: a random one is generated and returned once.</param>
    public async Task<UserChangeResult> CreateAsync(string name, string role, IdSet teams, string? password, string actor, CancellationToken cancellationToken = default)
    {
        var (canonical, problems) = await CheckRoleAndTeamsAsync(role, teams, cancellationToken);
        if (problems.Length > 0)
        {
            return UserChangeResult.Fail(problems);
        }
        var user = new UserAccount { UserName = name.Trim(), Role = canonical, Teams = canonical == Roles.SalesLead ? teams : IdSet.Empty, CreatedAt = time.GetUtcNow().UtcDateTime };
        if (user.UserName.Length is 0 or > UserNames.MaxLength)
        {
            return UserChangeResult.Fail($"A user name has 1 to {UserNames.MaxLength} characters.");
        }
        var generated = password is null ? UserNames.NewPassword() : null;
        var result = await users.CreateAsync(user, password ?? generated!);
        if (!result.Succeeded)
        {
            return UserChangeResult.Fail([.. result.Errors.Select(e => e.Description)]);
        }
        await audit.WriteAsync(actor, AuditActions.UserCreated, user.UserName, Describe(user), cancellationToken: cancellationToken);
        return new UserChangeResult([], user, generated);
    }

    public async Task<UserChangeResult> SetRoleAsync(string name, string role, IdSet teams, string actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(name) is not { } user)
        {
            return NoSuchUser(name);
        }
        var (canonical, problems) = await CheckRoleAndTeamsAsync(role, teams, cancellationToken);
        if (problems.Length > 0)
        {
            return UserChangeResult.Fail(problems);
        }
        if (user.Role == Roles.Admin && canonical != Roles.Admin && await IsLastEnabledAdminAsync(user, cancellationToken))
        {
            return UserChangeResult.Fail("This is the last enabled admin: make another user an admin first.");
        }
        user.Role = canonical;
        user.Teams = canonical == Roles.SalesLead ? teams : IdSet.Empty;
        return await SaveAccessChangeAsync(user, actor, AuditActions.UserChanged, Describe(user), cancellationToken);
    }

    public async Task<UserChangeResult> DisableAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(name) is not { } user)
        {
            return NoSuchUser(name);
        }
        if (user.IsDisabled)
        {
            return new UserChangeResult([], user);
        }
        if (user.Role == Roles.Admin && await IsLastEnabledAdminAsync(user, cancellationToken))
        {
            return UserChangeResult.Fail("This is the last enabled admin: make another user an admin first.");
        }
        user.DisabledAt = time.GetUtcNow().UtcDateTime;
        return await SaveAccessChangeAsync(user, actor, AuditActions.UserDisabled, null, cancellationToken);
    }

    public async Task<UserChangeResult> EnableAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(name) is not { } user)
        {
            return NoSuchUser(name);
        }
        user.DisabledAt = null;
        return await SaveAccessChangeAsync(user, actor, AuditActions.UserEnabled, null, cancellationToken);
    }

    /// <param name="password">null: a random one is generated and returned once.</param>
    public async Task<UserChangeResult> ResetPasswordAsync(string name, string? password, string actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(name) is not { } user)
        {
            return NoSuchUser(name);
        }
        var generated = password is null ? UserNames.NewPassword() : null;
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password ?? generated!);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0)
        {
            return new UserChangeResult(errors);
        }
        // Remove-then-add is Identity's own way to set a password without a reset token; both
        // steps change the security stamp, so every existing sign-in of the user ends.
        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password ?? generated!) : removed;
        if (!added.Succeeded)
        {
            return UserChangeResult.Fail([.. added.Errors.Select(e => e.Description)]);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        sessions.End(user.Id.ToString(CultureInfo.InvariantCulture));
        await audit.WriteAsync(actor, AuditActions.PasswordReset, user.UserName, cancellationToken: cancellationToken);
        return new UserChangeResult([], user, generated);
    }

    /// <summary>"SalesLead, teams 1,2" — for lists and the audit log.</summary>
    public static string Describe(UserAccount user) =>
        user.Role == Roles.SalesLead ? $"{user.Role}, teams {(user.Teams.IsEmpty ? "none" : user.Teams.ToString())}" : user.Role;

    private async Task<UserChangeResult> SaveAccessChangeAsync(UserAccount user, string actor, string action, string? detail, CancellationToken cancellationToken)
    {
        // A new stamp saves the user and makes every cookie issued before it invalid.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return UserChangeResult.Fail([.. result.Errors.Select(e => e.Description)]);
        }
        sessions.End(user.Id.ToString(CultureInfo.InvariantCulture));
        await audit.WriteAsync(actor, action, user.UserName, detail, cancellationToken: cancellationToken);
        return new UserChangeResult([], user);
    }

    /// <returns>The role in its canonical spelling, and what is wrong with the role and teams.</returns>
    private async Task<(string Role, string[] Problems)> CheckRoleAndTeamsAsync(string role, IdSet teams, CancellationToken cancellationToken)
    {
        if (!Roles.TryParseUserRole(role, out var canonical))
        {
            return ("", [$"'{role}' is not a role: use {string.Join(", ", Roles.UserRoles)}."]);
        }
        if (canonical != Roles.SalesLead && !teams.IsEmpty)
        {
            return (canonical, [$"Only a sales lead is limited to teams; {canonical} sees every team."]);
        }
        var unknown = await TeamCheck.UnknownAsync(runner, teams, cancellationToken);
        return (canonical, unknown.IsEmpty ? [] : [$"There is no team {unknown}."]);
    }

    private async Task<bool> IsLastEnabledAdminAsync(UserAccount user, CancellationToken cancellationToken) =>
        !(await accounts.ListAsync(cancellationToken)).Any(u => u.Id != user.Id && u.Role == Roles.Admin && !u.IsDisabled);

    private static UserChangeResult NoSuchUser(string name) => UserChangeResult.Fail($"There is no user '{name}'.");
}
