using CrmInsight.Domain.Security;

namespace CrmInsight.Web.Hosting;

/// <summary>
/// A display opens <c>/wall?key=…</c> once: a valid display key is kept in an HttpOnly cookie
/// and the address loses the key (it would otherwise stay in the browser's history and on
/// screen). An invalid key is dropped the same way, and the wall shows its sign-in notice.
/// </summary>
public static class DisplayKeyCookie
{
    public const string Name = "crminsight-display";
    public const string WallPath = "/wall";

    public static IApplicationBuilder UseDisplayKeyCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(WallPath, StringComparison.OrdinalIgnoreCase)
            && context.RequestServices.GetRequiredService<DatabaseReadiness>() is { IsReady: false } readiness)
        {
            // The key can only be checked against the database once it is ready; until then a
            // screen gets a page that reloads itself (the key stays in its address).
            await StartingPage.WriteAsync(context, readiness);
            return;
        }
        if (context.Request.Path.Equals(WallPath, StringComparison.OrdinalIgnoreCase) && context.Request.Query.TryGetValue("key", out var key))
        {
            var keys = context.RequestServices.GetRequiredService<AccessKeyStore>();
            var valid = await keys.VerifyAsync(key.ToString(), AccessKeyKind.Display, context.RequestAborted) is not null;
            if (valid)
            {
                context.Response.Cookies.Append(Name, key.ToString(), new CookieOptions
                {
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                    MaxAge = TimeSpan.FromDays(400),
                });
            }
            else
            {
                context.Response.Cookies.Delete(Name);
            }
            var rest = context.Request.Query.Where(q => !q.Key.Equals("key", StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
            var query = string.Join('&', rest);
            context.Response.Redirect(WallPath + (query.Length > 0 ? "?" + query : ""));
            return;
        }
        await next(context);
    });

    /// <summary>The display key of the request's cookie, if it is valid and not revoked.</summary>
    public static async Task<int?> VerifyAsync(HttpContext context)
    {
        var secret = context.Request.Cookies[Name];
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }
        var key = await context.RequestServices.GetRequiredService<AccessKeyStore>().VerifyAsync(secret, AccessKeyKind.Display, context.RequestAborted);
        return key?.Id;
    }
}
