using System.Globalization;
using CrmInsight.Web.Api;
using CrmInsight.Web.Components;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Hosting;

public static class CrmInsightPipeline
{
    public static WebApplication UseCrmInsight(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
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
