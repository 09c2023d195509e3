using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Localization;

namespace CrmInsight.Web.Api;

/// <summary>Language and theme choices, kept in cookies so they hold across visits.</summary>
public static class PreferenceEndpoints
{
    public const string ThemeCookie = "crminsight-theme";
    public const string CulturePath = "/culture/set";

    /// <summary>
    /// <c>POST /culture/set</c> (form: culture, redirectUri, the antiforgery token): sets the
    /// language cookie and goes back. A POST, not a GET, because it changes state; open to
    /// everyone, since the sign-in page has the language switch too.
    /// </summary>
    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CulturePath, async (HttpContext context) =>
        {
            if (await FormPosts.RejectForgedAsync(context) is { } forged)
            {
                return forged;
            }
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var culture = form["culture"].ToString();
            if (!DisplayOptionsValidator.SupportedCultures.Contains(culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported language",
                    detail: $"Unsupported language '{culture}'; use one of {string.Join(", ", DisplayOptionsValidator.SupportedCultures)}.");
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            return Results.Redirect(LocalOrRoot(form["redirectUri"].ToString()));
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>
    /// Only redirects inside this site: an absolute or protocol-relative URL, a backslash or any
    /// control character (browsers drop tabs and newlines, so "/\t/evil" would become "//evil")
    /// goes home instead.
    /// </summary>
    public static string LocalOrRoot(string? uri) =>
        uri is { Length: > 0 } && uri[0] == '/'
        && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'))
        && !uri.Any(c => char.IsControl(c) || c == '\\')
            ? uri
            : "/";
}
