using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace CrmInsight.Web.Components.Charts;

/// <summary>
/// What every chart does the same way: it keeps its plotly data and layout, rebuilds them only
/// when its inputs (or the theme) change, and then updates the drawn chart in place
/// (plotly's react, not a new plot), since PlotlyChart itself never re-renders.
/// </summary>
public abstract class ChartComponent : ComponentBase
{
    private object? _drawn;
    private bool _redraw;

    /// <summary>The chart, set by <c>@ref</c>.</summary>
    protected PlotlyChart? Chart { get; set; }

    protected Config Config { get; }

    protected IList<ITrace> Data { get; } = [];

    protected Plotly.Blazor.Layout Layout { get; set; } = ChartTheme.Layout(false, 320);

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    protected ChartComponent(bool interactive = true) => Config = ChartTheme.Config(interactive);

    /// <summary>The inputs the drawing depends on; a change redraws.</summary>
    protected abstract object DrawKey { get; }

    /// <summary>Fills <see cref="Data"/> and <see cref="Layout"/> from the inputs.</summary>
    protected abstract void Draw();

    protected override void OnParametersSet()
    {
        var key = (DrawKey, DarkMode);
        if (Equals(_drawn, key))
        {
            return;
        }
        _drawn = key;
        Draw();
        _redraw = Chart is not null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_redraw && Chart is not null)
        {
            _redraw = false;
            await Chart.React();
        }
    }

    /// <summary>For <c>AfterRender</c>: clicks on the chart reach its <c>ClickAction</c>.</summary>
    protected async void SubscribeClicks()
    {
        if (Chart is not null)
        {
            await Chart.SubscribeClickEvent();
        }
    }
}
