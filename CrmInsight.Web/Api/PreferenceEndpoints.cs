using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Localization;

namespace CrmInsight.Web.Api;

/// <summary>Language and theme choices, kept in cookies so they hold across visits.</summary>
public static class PreferenceEndpoints
{
    public const string ThemeCookie = "crminsight-theme";

    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
        {
            if (culture is null || !DisplayOptionsValidator.SupportedCultures.Contains(culture))
            {
                return Results.BadRequest($"Unsupported language '{culture}'; use one of {string.Join(", ", DisplayOptionsValidator.SupportedCultures)}.");
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalOrRoot(redirectUri));
        });
        return endpoints;
    }

    /// <summary>Only redirects inside this site: an absolute or protocol-relative URL goes home instead.</summary>
    public static string LocalOrRoot(string? uri) =>
        uri is { Length: > 0 } && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\')) ? uri : "/";
}
