using Microsoft.AspNetCore.Identity;

namespace CrmInsight.Web.Security;

/// <summary>
/// The ways a request is authenticated. <see cref="Default"/> picks one per request: the
/// <c>X-Api-Key</c> header, else a person's sign-in cookie (Identity's application cookie, also
/// used by OpenID Connect sign-ins), else a wall's display cookie.
/// </summary>
public static class AuthSchemes
{
    public const string Default = "CrmInsight";
    public const string ApiKey = "ApiKey";
    public const string Display = "Display";
    public const string OpenIdConnect = "OpenIdConnect";

    public static string User => IdentityConstants.ApplicationScheme;

    public const string UserCookieName = "crminsight-auth";

    public static string Select(HttpContext context) =>
        context.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKey
        : !context.Request.Cookies.ContainsKey(UserCookieName) && context.Request.Cookies.ContainsKey(DisplayKeySignIn.CookieName) ? Display
        : User;
}

/// <summary>
/// What the cookies answer when a request is not signed in or not allowed: pages and exports
/// are sent to the sign-in or "no access" page; the JSON API and Blazor's hub get the status
/// code (with a problem body), since nobody would follow a redirect there.
/// </summary>
public static class CookieEvents
{
    public static Task RedirectToSignIn(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context) =>
        WantsStatusCode(context.Request, forbidden: false)
            ? Problem(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required", "Sign in at /signin, or send a key in the X-Api-Key header.")
            : Redirect(context);

    public static Task RedirectToAccessDenied(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context) =>
        WantsStatusCode(context.Request, forbidden: true)
            ? Problem(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "Your role does not allow this.")
            : Redirect(context);

    private static bool WantsStatusCode(HttpRequest request, bool forbidden) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/_blazor")
        || (forbidden && request.Path.StartsWithSegments("/export"))
        || !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
