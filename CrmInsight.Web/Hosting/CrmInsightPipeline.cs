using System.Globalization;
using CrmInsight.Web.Api;
using CrmInsight.Web.Components;
using CrmInsight.Web.Security;
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

        // Who is asking (key header, sign-in cookie or display cookie), then may they: every
        // endpoint and page names its policy (the fallback policy covers the rest).
        app.UseAuthentication();
        app.UseDisplayKeySignIn();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapKpiApi();
        app.MapScorecardApi();
        app.MapAlertApi();
        app.MapIngestEndpoints();
        app.MapExportEndpoints();
        app.MapPreferenceEndpoints();
        app.MapAuthEndpoints(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.OpenIdConnect.Enabled);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
