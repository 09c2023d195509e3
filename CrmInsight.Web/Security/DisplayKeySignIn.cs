using System.Globalization;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CrmInsight.Web.Security;

/// <summary>
/// A display opens <c>/wall?key=…</c> once: a valid display key signs the browser in with the
/// display cookie — a data-protected ticket naming the key and its teams, never the key itself —
/// and the address loses the key (it would otherwise stay in the browser's history and on screen).
/// An invalid key signs the display out the same way. Every request with the cookie checks that
/// the key is still active, and the wall's circuit checks again every <c>Wall:KeyCheckInterval</c>.
/// </summary>
public static class DisplayKeySignIn
{
    public const string CookieName = "crminsight-display";
    public const string WallPath = "/wall";

    public static IApplicationBuilder UseDisplayKeySignIn(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(WallPath, StringComparison.OrdinalIgnoreCase)
            && context.RequestServices.GetRequiredService<DatabaseReadiness>() is { IsReady: false } readiness)
        {
            // A key can only be checked against the database once it is ready; until then a
            // screen gets a page that reloads itself (the key stays in its address).
            await StartingPage.WriteAsync(context, readiness);
            return;
        }
        if (context.Request.Path.Equals(WallPath, StringComparison.OrdinalIgnoreCase) && context.Request.Query.TryGetValue("key", out var secret))
        {
            var keys = context.RequestServices.GetRequiredService<AccessKeyStore>();
            var key = await keys.VerifyAsync(secret.ToString(), AccessKeyKind.Display, context.RequestAborted);
            if (key is not null)
            {
                await context.SignInAsync(AuthSchemes.Display, KeyPrincipal.For(key, AuthSchemes.Display), new AuthenticationProperties { IsPersistent = true });
            }
            else
            {
                await context.SignOutAsync(AuthSchemes.Display);
            }
            var rest = context.Request.Query.Where(q => !q.Key.Equals("key", StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
            var query = string.Join('&', rest);
            context.Response.Redirect(WallPath + (query.Length > 0 ? "?" + query : ""));
            return;
        }
        await next(context);
    });

    /// <summary>The display cookie: HttpOnly, SameSite=Lax, Secure whenever the request is (behind a TLS proxy too), kept 400 days.</summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = TimeSpan.FromDays(400);
        options.SlidingExpiration = true;
        options.LoginPath = "/signin";
        options.AccessDeniedPath = "/access-denied";
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnRedirectToLogin = CookieEvents.RedirectToSignIn;
        options.Events.OnRedirectToAccessDenied = CookieEvents.RedirectToAccessDenied;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var readiness = context.HttpContext.RequestServices.GetRequiredService<DatabaseReadiness>();
        if (!readiness.IsReady)
        {
            return; // cannot check yet; the wall says it is starting
        }
        var id = context.Principal?.FindFirst(CrmClaims.KeyId)?.Value;
        var keys = context.HttpContext.RequestServices.GetRequiredService<AccessKeyStore>();
        bool active;
        try
        {
            active = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId) && await keys.IsActiveAsync(keyId, context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: that is no reason to drop a wall (it shows its stale banner
            // and reconnects); the key is checked again on the next request and by the circuit.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DisplayKeySignIn))
                .LogWarning(ex, "Could not check display key {Key}; keeping it until the next check", id);
            return;
        }
        if (!active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Display);
        }
    }
}
