using System.Globalization;
using System.Security.Claims;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Security;

/// <summary>
/// A circuit's signed-in principal, checked again every <see cref="AuthOptions.RevalidationInterval"/>
/// (a display key every <see cref="WallOptions.KeyCheckInterval"/>): a user who was disabled or
/// whose role, teams or password changed (their security stamp moved), or a revoked key, drops
/// to signed out and the page shows the sign-in notice. <see cref="UserSessions.End"/> does the
/// same at once. A database that does not answer is not a reason to sign anyone out (the pages
/// say the data is stale); the next check decides.
/// </summary>
public sealed class CrmAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly AuthOptions _auth;
    private readonly WallOptions _wall;
    private readonly ILogger _logger;
    private readonly IDisposable _sessions;

    public CrmAuthenticationStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AuthOptions> auth, IOptions<WallOptions> wall, UserSessions sessions)
        : base(loggers)
    {
        _scopes = scopes;
        _auth = auth.Value;
        _wall = wall.Value;
        _logger = loggers.CreateLogger<CrmAuthenticationStateProvider>();
        _sessions = sessions.Subscribe(EndIfMine);
    }

    protected override TimeSpan RevalidationInterval =>
        GetAuthenticationStateAsync() is { IsCompletedSuccessfully: true } state && state.Result.User.HasClaim(c => c.Type == CrmClaims.KeyId)
            ? _wall.KeyCheckInterval
            : _auth.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            if (principal.FindFirst(CrmClaims.KeyId) is { } key)
            {
                return int.TryParse(key.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && await scope.ServiceProvider.GetRequiredService<AccessKeyStore>().IsActiveAsync(id, cancellationToken);
            }
            if (principal.HasClaim(CrmClaims.Source, CrmClaims.OidcSource))
            {
                return true; // no local account: the identity provider's session decides
            }
            return await IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>(), principal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not revalidate {User}; checking again next time", principal.Identity?.Name);
            return true;
        }
    }

    /// <summary>The account behind a user principal still exists, is enabled and has the stamp the principal was issued with.</summary>
    public static async Task<bool> IsCurrentAsync(UserManager<UserAccount> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(user);
    }

    private void EndIfMine(string principalId)
    {
        if (GetAuthenticationStateAsync() is { IsCompletedSuccessfully: true } state
            && state.Result.User.FindFirstValue(ClaimTypes.NameIdentifier) == principalId)
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sessions.Dispose();
        }
        base.Dispose(disposing);
    }
}
