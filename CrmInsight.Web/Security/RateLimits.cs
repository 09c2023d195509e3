using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CrmInsight.Web.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Security;

/// <summary>
/// ASP.NET Core rate limiting where guessing or flooding would hurt: sign-in attempts per client
/// address (<see cref="AuthOptions.SignInPermitsPerMinute"/>, on top of the account lockout) and
/// /api and /export requests per key, user or address (<see cref="AuthOptions.ApiPermitsPerMinute"/>).
/// A refused request gets 429 with Retry-After and a problem body.
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions options, AuthOptions auth)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (IsSignInAttempt(context.Request))
            {
                return RateLimitPartition.GetFixedWindowLimiter("signin:" + address, _ => Window(auth.SignInPermitsPerMinute));
            }
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/export"))
            {
                var who = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? address;
                return RateLimitPartition.GetFixedWindowLimiter("api:" + who, _ => Window(auth.ApiPermitsPerMinute));
            }
            return RateLimitPartition.GetNoLimiter("");
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            // The export limit (ExportRateLimit) is the tighter one on /export: name it there.
            var (title, detail) = http.Request.Path.StartsWithSegments("/export")
                ? ("Too many exports", $"At most {http.RequestServices.GetRequiredService<IOptions<ExportOptions>>().Value.PerClientPerMinute} exports a minute; try again in {seconds} s.")
                : ("Too many requests", $"Try again in {seconds} s.");
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail).ExecuteAsync(http);
        };
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase);

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
