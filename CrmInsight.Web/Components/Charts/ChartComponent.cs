using CrmInsight.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;

namespace CrmInsight.Web.Components.Charts;

/// <summary>
/// What every chart does the same way: it keeps its plotly data and layout, rebuilds them only
/// when its inputs (or the theme) change, and then updates the drawn chart in place
/// (plotly's react, not a new plot), since PlotlyChart itself never re-renders. It tells the
/// page's <see cref="DrawTracker"/> when a new drawing is due and when plotly has drawn it, and a
/// chart with a click action listens for clicks before it counts as drawn, so a click on a
/// "ready" page is never too early.
/// </summary>
public abstract class ChartComponent : ComponentBase, IDisposable
{
    private object? _drawn;
    private bool _redraw;
    private int _requested;

    /// <summary>The chart, set by <c>@ref</c>.</summary>
    protected PlotlyChart? Chart { get; set; }

    protected Config Config { get; }

    protected IList<ITrace> Data { get; } = [];

    protected Plotly.Blazor.Layout Layout { get; set; } = ChartTheme.Layout(false, 320);

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    [CascadingParameter]
    public DrawTracker? Drawing { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = null!;

    protected ChartComponent(bool interactive = true) => Config = ChartTheme.Config(interactive);

    /// <summary>The inputs the drawing depends on; a change redraws.</summary>
    protected abstract object DrawKey { get; }

    /// <summary>Fills <see cref="Data"/> and <see cref="Layout"/> from the inputs.</summary>
    protected abstract void Draw();

    protected override void OnParametersSet()
    {
        var key = (DrawKey, DarkMode);
        if (SameKey(_drawn, key))
        {
            return;
        }
        _drawn = key;
        _requested++;
        Drawing?.Begin(this);
        Draw();
        _redraw = Chart is not null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_redraw && Chart is not null)
        {
            _redraw = false;
            var drawing = _requested;
            await Chart.React();
            await ReportDrawnAsync(drawing);
        }
    }

    /// <summary>
    /// For the PlotlyChart's <c>AfterRender</c>, which it calls once, after asking for the first
    /// plot: listen for clicks (when the chart has a click action), then report the drawing.
    /// </summary>
    protected async void OnPlotted()
    {
        var drawing = _requested;
        try
        {
            if (Chart?.ClickAction is not null)
            {
                await Chart.SubscribeClickEvent();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException or ObjectDisposedException)
        {
            // The browser or the chart went away first.
        }
        await ReportDrawnAsync(drawing);
    }

    private async Task ReportDrawnAsync(int drawing)
    {
        try
        {
            if (Chart is not null)
            {
                await JS.InvokeAsync<bool>("crmInsightCharts.drawn", Chart.Id);
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException or ObjectDisposedException)
        {
            // The browser or the chart went away first: nothing left to wait for.
        }
        if (drawing == _requested)
        {
            Drawing?.End(this); // a newer drawing, asked for meanwhile, reports for itself
        }
    }

    /// <summary>
    /// Keys compare by content: a page that passes <c>[a, b]</c> builds a new list on every render,
    /// and by reference each render would redraw the chart (and, with the page's ready marker
    /// re-rendering the page, never stop).
    /// </summary>
    internal static bool SameKey(object? a, object? b) => (a, b) switch
    {
        (System.Runtime.CompilerServices.ITuple x, System.Runtime.CompilerServices.ITuple y) =>
            x.Length == y.Length && Enumerable.Range(0, x.Length).All(i => SameKey(x[i], y[i])),
        (string x, string y) => x == y,
        (System.Collections.IEnumerable x, System.Collections.IEnumerable y) =>
            x.Cast<object?>().Count() == y.Cast<object?>().Count() && x.Cast<object?>().Zip(y.Cast<object?>()).All(p => SameKey(p.First, p.Second)),
        _ => Equals(a, b),
    };

    public void Dispose()
    {
        Drawing?.End(this);
        GC.SuppressFinalize(this);
    }
}
