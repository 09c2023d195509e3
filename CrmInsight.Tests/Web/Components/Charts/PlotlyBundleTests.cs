using System.Reflection;
using System.Runtime.Serialization;
using System.Text.RegularExpressions;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Web.Components.Charts;

/// <summary>
/// The page loads plotly's cartesian bundle (App.razor), which holds only some trace types: a chart
/// drawing a trace the bundle lacks would stay empty with no more than a warning in the browser's
/// console. Every Plotly.Blazor trace the web project constructs must be one the bundle registers.
/// </summary>
public sealed partial class PlotlyBundleTests
{
    private static readonly string Bundle = Path.Combine(RepositoryPaths.Root, "CrmInsight.Web", "wwwroot", "lib", "plotly", "plotly-cartesian-3.7.0.min.js");

    [Fact]
    public void The_bundle_registers_every_trace_type_the_charts_draw()
    {
        var registered = RegisteredTraces(File.ReadAllText(Bundle));
        var drawn = DrawnTraces();

        Assert.NotEmpty(drawn);
        Assert.All(drawn, trace => Assert.Contains(trace, registered));
    }

    [Fact]
    public void The_traces_are_read_from_the_bundle_and_from_the_sources()
    {
        // The readers themselves: the full bundle registers traces the cartesian one does not, and the
        // charts are known to draw a heatmap (the cohort matrix) and bars.
        var full = RegisteredTraces(File.ReadAllText(Directory.EnumerateFiles(PlotlyBlazorAssets(), "plotly-3.*.min.js").Single()));
        var cartesian = RegisteredTraces(File.ReadAllText(Bundle));

        Assert.Contains("scattergl", full);
        Assert.DoesNotContain("scattergl", cartesian);
        Assert.Contains("heatmap", DrawnTraces());
        Assert.Contains("bar", DrawnTraces());
    }

    /// <summary>The names plotly's trace modules register under (<c>moduleType:"trace",name:"bar"</c>).</summary>
    private static HashSet<string> RegisteredTraces(string bundle) =>
        [.. TraceModule().Matches(bundle).Select(m => m.Groups[1].Value)];

    /// <summary>The plotly names of the Plotly.Blazor trace classes constructed anywhere in the web project.</summary>
    private static HashSet<string> DrawnTraces()
    {
        var traceTypes = typeof(Plotly.Blazor.Traces.Scatter).Assembly.GetTypes()
            .Where(t => t.Namespace == "Plotly.Blazor.Traces" && t.IsClass && typeof(Plotly.Blazor.ITrace).IsAssignableFrom(t))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "CrmInsight.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return [.. sources
            .SelectMany(f => Construction().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(traceTypes.ContainsKey)
            .Select(name => PlotlyName(traceTypes[name]))];
    }

    /// <summary>A trace's plotly name: the serialized value its constructor gives its Type.</summary>
    private static string PlotlyName(Type traceType)
    {
        var type = traceType.GetProperty("Type")!.GetValue(Activator.CreateInstance(traceType))!;
        var member = type.GetType().GetField(type.ToString()!)!;
        return member.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? type.ToString()!.ToLowerInvariant();
    }

    private static string PlotlyBlazorAssets()
    {
        var version = typeof(Plotly.Blazor.Traces.Scatter).Assembly.GetName().Version!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "plotly.blazor", $"{version.Major}.{version.Minor}.{version.Build}", "staticwebassets");
    }

    [GeneratedRegex("""moduleType:"trace",name:"([a-z0-9]+)""")]
    private static partial Regex TraceModule();

    [GeneratedRegex(@"\bnew\s+(?:Plotly\.Blazor\.Traces\.)?([A-Z]\w*)\s*[({]")]
    private static partial Regex Construction();
}
