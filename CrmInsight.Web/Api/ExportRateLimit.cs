using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Api;

/// <summary>
/// The export endpoints' rate limit through ASP.NET Core's rate-limiting middleware: a fixed
/// window of <see cref="ExportOptions.PerClientPerMinute"/> per client, no queue; a refused
/// request gets 429, a Retry-After header and a problem body saying when to try again.
/// </summary>
public static class ExportRateLimit
{
    public const string Policy = "export";

    public static IServiceCollection AddExportRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
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
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var limit = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<ExportOptions>>().Value.PerClientPerMinute;
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many exports",
                    detail: $"At most {limit} exports a minute; try again in {seconds} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    // The signed-in user where there is one, otherwise the caller's address.
    private static string ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
