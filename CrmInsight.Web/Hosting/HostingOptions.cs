using System.Net;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Hosting;

/// <summary>
/// How the app sits behind a reverse proxy (<c>Hosting</c> section). HTTPS itself is Kestrel's
/// ordinary <c>Kestrel:Endpoints</c> configuration; these settings cover the rest.
/// </summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Read X-Forwarded-For and X-Forwarded-Proto (the proxy terminates TLS), from <see cref="KnownProxies"/> only.</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are believed; empty: the loopback proxy only.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Redirect plain HTTP requests to HTTPS (when Kestrel, not a proxy, serves HTTPS).</summary>
    public bool HttpsRedirection { get; set; }
}

public sealed class HostingOptionsValidator : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        var bad = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Hosting:KnownProxies must hold IP addresses; not: {string.Join(", ", bad)}.");
    }
}
