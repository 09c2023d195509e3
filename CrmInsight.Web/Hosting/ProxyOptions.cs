using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Hosting;

/// <summary>
/// Running behind a TLS-terminating proxy (<c>Proxy</c> section): with <see cref="Enabled"/>, the
/// proxy's X-Forwarded-For and X-Forwarded-Proto are believed — from <see cref="KnownProxies"/>
/// only (loopback when none is listed) — so the app sees https and marks its cookies Secure, and
/// rate limits and the audit log see the client's address.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are trusted (comma-separated).</summary>
    public string KnownProxies { get; set; } = "";
}

public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var bad = ProxyRegistration.Addresses(options.KnownProxies).Where(a => !IPAddress.TryParse(a, out _)).ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail($"Proxy:KnownProxies: '{string.Join("', '", bad)}' is not an IP address.");
    }
}

public static class ProxyRegistration
{
    public static IServiceCollection AddCrmInsightProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in Addresses(proxy.Value.KnownProxies))
            {
                if (IPAddress.TryParse(address, out var ip))
                {
                    forwarded.KnownProxies.Add(ip);
                }
            }
        });
        return services;
    }

    public static IApplicationBuilder UseCrmInsightProxy(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled ? app.UseForwardedHeaders() : app;

    internal static IEnumerable<string> Addresses(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
