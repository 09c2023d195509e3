using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Api;

/// <summary>
/// The export endpoints' rate limit through ASP.NET Core's rate-limiting middleware: a fixed
/// window of <see cref="ExportOptions.PerClientPerMinute"/> per client, no queue; a refused
/// request gets 429, a Retry-After header and a problem body saying when to try again
/// (written by <see cref="Security.RateLimits"/>, which answers every limit the app has).
/// </summary>
public static class ExportRateLimit
{
    public const string Policy = "export";

    public static IServiceCollection AddExportRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            // The 429, its Retry-After and message are the app's one rejection handler (RateLimits).
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<ExportOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PerClientPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    // The signed-in user where there is one, otherwise the caller's address.
    private static string ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
