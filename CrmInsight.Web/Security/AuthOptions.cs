using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Security;

/// <summary>Sign-in, sessions and limits (<c>Auth</c> configuration section).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The password of the first user, <c>admin</c>, created when no user exists; a random one (written once to the log) when unset.</summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>
    /// How often an open screen (a Blazor circuit) and a sign-in cookie check that their user or
    /// key still exists, is enabled and has the same role and teams. A change made in the app
    /// takes effect at once; one made elsewhere within this interval.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sign-in lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per client address per minute (ASP.NET Core rate limiting).</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Requests per client (key, user or address) per minute to /api and /export.</summary>
    public int ApiPermitsPerMinute { get; set; } = 600;

    /// <summary>Shortest password a user may be given.</summary>
    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>Sign-in with an identity provider; off unless <see cref="OpenIdConnectSettings.Authority"/> is set.</summary>
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

/// <summary>
/// OpenID Connect, configured by settings alone (<c>Auth:OpenIdConnect</c>). The provider's
/// role and team claims are mapped to the product's roles and team ids by <see cref="RoleClaim"/>,
/// <see cref="Roles"/> and <see cref="TeamClaim"/>.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>The provider's claim that names the user's role or groups.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Product role → the provider's value of <see cref="RoleClaim"/> (e.g. <c>Admin = crm-admins</c>); a role not listed maps from its own name.</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The provider's claim holding a sales lead's team ids (one claim per team, or comma-separated).</summary>
    public string TeamClaim { get; set; } = "teams";

    /// <summary>The provider's claim used as the display name.</summary>
    public string NameClaim { get; set; } = "name";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.RevalidationInterval < TimeSpan.FromSeconds(1) || options.RevalidationInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Auth:RevalidationInterval must be between 00:00:01 and 01:00:00.");
        }
        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(30))
        {
            failures.Add("Auth:SessionLifetime must be between 00:05:00 and 30.00:00:00.");
        }
        if (options.MaxFailedSignIns is < 1 or > 100)
        {
            failures.Add("Auth:MaxFailedSignIns must be between 1 and 100.");
        }
        if (options.LockoutDuration < TimeSpan.FromSeconds(1) || options.LockoutDuration > TimeSpan.FromDays(1))
        {
            failures.Add("Auth:LockoutDuration must be between 00:00:01 and 1.00:00:00.");
        }
        if (options.SignInPermitsPerMinute is < 1 or > 100_000)
        {
            failures.Add("Auth:SignInPermitsPerMinute must be between 1 and 100000.");
        }
        if (options.ApiPermitsPerMinute is < 1 or > 1_000_000)
        {
            failures.Add("Auth:ApiPermitsPerMinute must be between 1 and 1000000.");
        }
        if (options.MinimumPasswordLength is < 8 or > 128)
        {
            failures.Add("Auth:MinimumPasswordLength must be between 8 and 128.");
        }
        if (options.InitialAdminPassword is { Length: > 0 } password && password.Length < options.MinimumPasswordLength)
        {
            failures.Add($"Auth:InitialAdminPassword must be at least Auth:MinimumPasswordLength ({options.MinimumPasswordLength}) characters.");
        }
        var oidc = options.OpenIdConnect;
        if (oidc.Enabled)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && oidc.RequireHttpsMetadata))
            {
                failures.Add("Auth:OpenIdConnect:Authority must be an absolute https URL (or set RequireHttpsMetadata to false for a test provider).");
            }
            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("Auth:OpenIdConnect:ClientId is required when Auth:OpenIdConnect:Authority is set.");
            }
            if (string.IsNullOrWhiteSpace(oidc.RoleClaim) || string.IsNullOrWhiteSpace(oidc.TeamClaim))
            {
                failures.Add("Auth:OpenIdConnect:RoleClaim and TeamClaim must name claims.");
            }
            foreach (var role in oidc.Roles.Keys.Where(r => !Domain.Security.Roles.TryParseUserRole(r, out _)))
            {
                failures.Add($"Auth:OpenIdConnect:Roles:{role} is not a role (Admin, Executive, Analyst, SalesLead).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
