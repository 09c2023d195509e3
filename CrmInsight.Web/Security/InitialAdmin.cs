using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Security;

/// <summary>
/// First start: when the database holds no user, creates <c>admin</c> with
/// <c>Auth:InitialAdminPassword</c>, or with a random password written once to the log (it is
/// stored only as Identity's hash, so it cannot be shown again: reset it with
/// <c>users reset-password admin</c> if it is lost). Runs before the database is reported ready,
/// so nobody meets a sign-in page without an account to sign in with.
/// </summary>
public sealed class InitialAdmin(IServiceScopeFactory scopes, IOptions<AuthOptions> options, ILogger<InitialAdmin> logger)
{
    public const string UserName = "admin";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<UserAccountStore>().CountAsync(cancellationToken) > 0)
        {
            return;
        }
        var configured = string.IsNullOrEmpty(options.Value.InitialAdminPassword) ? null : options.Value.InitialAdminPassword;
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(UserName, Roles.Admin, IdSet.Empty, configured, AuditLog.SystemActor, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the first user '{UserName}': {string.Join(" ", result.Errors)}");
        }
        if (result.GeneratedPassword is { } password)
        {
            logger.LogWarning(
                "First start: created the user '{User}' with the password {Password} — sign in at /signin with it; it is not shown again (reset it with `users reset-password admin`).",
                UserName, password);
        }
        else
        {
            logger.LogWarning("First start: created the user '{User}' with the password from Auth:InitialAdminPassword.", UserName);
        }
    }
}
