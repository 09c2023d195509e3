using System.Globalization;
using CrmInsight.Web.Api;
using CrmInsight.Web.Components;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Hosting;

public static class CrmInsightPipeline
{
    public static WebApplication UseCrmInsight(this WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value;
        if (hosting.ForwardedHeaders)
        {
            // First, so the scheme and client address every later step sees are the proxy's report.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in hosting.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            app.UseForwardedHeaders(forwarded);
        }
        app.UseErrorAnswers();
        if (hosting.HttpsRedirection)
        {
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        var display = app.Services.GetRequiredService<IOptions<DisplayOptions>>().Value;
        var cultures = DisplayOptionsValidator.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(display.DefaultCulture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        });

        app.UseDisplayKeyCookie();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapKpiApi();
        app.MapScorecardApi();
        app.MapIngestEndpoints();
        app.MapExportEndpoints();
        app.MapPreferenceEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
