using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace CrmInsight.Web.Components.Charts;

/// <summary>Colours and the base layout every chart shares, for the light and dark themes.</summary>
public static class ChartTheme
{
    public const string Revenue = "#2f5fd0";
    public const string Profit = "#00897b";
    public const string Comparison = "#9aa3b5";

    public static string Text(bool dark) => dark ? "#d5dbe7" : "#3a4254";

    public static string Grid(bool dark) => dark ? "rgba(255,255,255,0.08)" : "rgba(0,0,0,0.07)";

    /// <summary>A chart without the plotly toolbar that resizes with its container.</summary>
    public static Config Config(bool interactive = true) => new()
    {
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
        Responsive = true,
        StaticPlot = !interactive,
        DisplayLogo = false,
        // Month and day names, date formats and plotly's own texts in the UI language (zh-CN is
        // registered by wwwroot/js/plotly-locale-zh-cn.js; en-US is plotly's default).
        Locale = CultureInfo.CurrentUICulture.Name,
    };

    public static Plotly.Blazor.Layout Layout(bool dark, int height) => new()
    {
        Height = height,
        AutoSize = true,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = Text(dark), Size = 12 },
        Margin = new Margin { L = 56, R = 16, T = 24, B = 40 },
        ShowLegend = true,
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.12m, X = 0 }],
        HoverMode = HoverModeEnum.XUnified,
    };

    /// <summary>
    /// A month axis: month over year on two lines, as many months labelled as fit (plotly picks
    /// the step), the margin grown to fit them. A label for every month ("M1", "%b %Y") had
    /// plotly turn the labels upright on a phone and cut them off below the plot.
    /// </summary>
    public static XAxis MonthAxis(bool dark) => new()
    {
        Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
        TickFormat = "%b\n%Y",
        HoverFormat = "%b %Y",
        AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
        GridColor = Grid(dark),
    };
}
