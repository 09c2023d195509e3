using System.Security.Claims;
using CrmInsight.Domain.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Security;

/// <summary>Sign-in, keys, roles, sessions and limits, registered once for the host.</summary>
public static class AuthServices
{
    /// <summary>
    /// ASP.NET Core Identity over the product's user table: its password hasher (PBKDF2), lockout,
    /// security stamps and user validation. Used by the web host and by the <c>users</c> command.
    /// </summary>
    public static IdentityBuilder AddCrmInsightIdentity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutDuration;
            identity.Lockout.AllowedForNewUsers = true;
            // Length over character classes (NIST SP 800-63B): a long passphrase is the strong one.
            identity.Password.RequiredLength = auth.Value.MinimumPasswordLength;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 4;
            identity.User.AllowedUserNameCharacters = UserNames.AllowedCharacters;
            identity.ClaimsIdentity.RoleClaimType = ClaimTypes.Role;
        });
        return services.AddIdentityCore<UserAccount>()
            .AddUserStore<DapperUserStore>()
            .AddClaimsPrincipalFactory<CrmClaimsFactory>();
    }

    /// <summary>The <c>Auth</c> settings, validated at start.</summary>
    public static IServiceCollection AddCrmInsightAuthOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        return services;
    }

    public static IServiceCollection AddCrmInsightAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrmInsightAuthOptions(configuration);
        services.AddHttpContextAccessor();
        services.AddCrmInsightIdentity().AddSignInManager<CrmSignInManager>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<InitialAdmin>();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Default;
                o.DefaultSignInScheme = AuthSchemes.User;
            })
            .AddPolicyScheme(AuthSchemes.Default, "Key header, sign-in cookie or display cookie", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(AuthSchemes.Display, DisplayKeySignIn.Configure);
        authentication.AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AuthOptions>, TimeProvider>((o, auth, time) =>
        {
            o.TimeProvider = time; // the same clock as the stamp check, so issued-at and now agree
            o.Cookie.Name = AuthSchemes.UserCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = auth.Value.SessionLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/access-denied";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = CookieEvents.RedirectToSignIn;
            o.Events.OnRedirectToAccessDenied = CookieEvents.RedirectToAccessDenied;
            o.Events.OnValidatePrincipal = ValidateUserCookieAsync;
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>, TimeProvider>((o, auth, time) =>
        {
            o.ValidationInterval = auth.Value.RevalidationInterval;
            o.TimeProvider = time;
        });
        // The antiforgery cookie as the others: HttpOnly, SameSite, Secure whenever the request is.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "crminsight-antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var oidc = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.OpenIdConnect ?? new OpenIdConnectSettings();
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(AuthSchemes.OpenIdConnect, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.SignInScheme = AuthSchemes.User;
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.Scope.Add("profile");
                o.Events.OnTicketReceived = context =>
                {
                    context.Principal = OidcClaimMapper.Map(context.Principal!, oidc);
                    context.ReturnUri = LandingPage.After(context.ReturnUri ?? "/", context.Principal.IsInRole(Roles.SalesLead));
                    return Task.CompletedTask;
                };
            });
        }

        Policies.Add(services.AddAuthorizationBuilder());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CrmAuthenticationStateProvider>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((o, auth) => RateLimits.Configure(o, auth.Value));
        return services;
    }

    /// <summary>
    /// Identity's security-stamp check of a user's cookie (every <see cref="AuthOptions.RevalidationInterval"/>).
    /// A provider sign-in has no local account to check. A database that does not answer keeps
    /// the cookie until the next check: an outage is not a sign-out, and no data can be read meanwhile.
    /// </summary>
    private static async Task ValidateUserCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.HasClaim(CrmClaims.Source, CrmClaims.OidcSource) == true)
        {
            return;
        }
        try
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthServices))
                .LogWarning(ex, "Could not check the sign-in of {User}; keeping it until the next check", context.Principal?.Identity?.Name);
        }
    }
}
