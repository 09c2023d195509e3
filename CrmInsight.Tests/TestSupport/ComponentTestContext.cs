using System.Globalization;
using Bunit;
using CrmInsight.Web.Formatting;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace CrmInsight.Tests.TestSupport;

/// <summary>A bUnit context with MudBlazor, localisation and the formatter, in a pinned culture.</summary>
public static class ComponentTestContext
{
    public static BunitContext Create(string culture = "en-US")
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton(new KpiFormatter(Options.Create(new DisplayOptions())));
        return context;
    }
}
