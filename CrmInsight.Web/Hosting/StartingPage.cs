using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;

namespace CrmInsight.Web.Hosting;

/// <summary>
/// The plain page a wall screen gets while the database is not ready: 503 with Retry-After, the
/// progress, and a meta refresh, so a TV switched on during the first start shows the wall
/// as soon as it can without anyone touching it.
/// </summary>
internal static class StartingPage
{
    private const int RetrySeconds = 3;

    public static async Task WriteAsync(HttpContext context, DatabaseReadiness readiness)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var title = WebUtility.HtmlEncode(localizer["Starting…"]);
        var message = WebUtility.HtmlEncode(readiness.State == DatabaseState.Failed ? readiness.Message : localizer[readiness.Message].Value);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetrySeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{CultureInfo.CurrentUICulture.Name}}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{{RetrySeconds}}">
            <title>CrmInsight</title>
            <style>body{background:#121212;color:#eee;font:2rem system-ui,sans-serif;display:flex;flex-direction:column;align-items:center;justify-content:center;height:100vh;margin:0;cursor:none}p{font-size:1.2rem;color:#aaa}</style>
            </head><body><div data-testid="wall-starting">{{title}}</div><p>{{message}}</p></body></html>
            """, context.RequestAborted);
    }
}
