using System.Globalization;
using System.Text;
using CrmInsight.Domain.Kpis;

namespace CrmInsight.Web.Components.Charts;

/// <summary>
/// A sparkline as SVG geometry, drawn by the server with the tile: months evenly spaced across
/// <see cref="Width"/> × <see cref="Height"/> (the box stretches it), the values between the lowest
/// and the highest, the line smoothed (Catmull-Rom), a gap where the KPI is undefined, and a month
/// that is not over as a dotted segment to a hollow point. A plotly plot per tile (25 on the
/// Overview) cost most of a page's drawing time in the browser for a 40-pixel line.
/// </summary>
public sealed class SparklineShape
{
    public const double Width = 100;
    public const double Height = 40;
    private const double MarginX = 2;
    private const double MarginY = 4;

    private SparklineShape(IReadOnlyList<string> lines, string? soFar, (double X, double Y)? lastPoint)
    {
        Lines = lines;
        SoFar = soFar;
        LastPoint = lastPoint;
    }

    /// <summary>Path data of each unbroken run of full months (a run of one month draws nothing, as a line can't).</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Path data of the dotted segment from the last full month to the month so far, if the last month is not over.</summary>
    public string? SoFar { get; }

    /// <summary>Where the month so far ends, in percent of the box (the hollow point is drawn round in a box of any width).</summary>
    public (double X, double Y)? LastPoint { get; }

    public static SparklineShape Of(IReadOnlyList<MonthlyPoint> points)
    {
        var values = points.Where(p => p.Value is not null).Select(p => (double)p.Value!.Value).ToList();
        if (values.Count == 0)
        {
            return new SparklineShape([], null, null);
        }
        var (low, high) = (values.Min(), values.Max());
        var step = points.Count > 1 ? (Width - 2 * MarginX) / (points.Count - 1) : 0;
        (double X, double Y)? At(int i) => points[i].Value is { } v
            ? (MarginX + i * step, high == low ? Height / 2 : MarginY + (high - (double)v) / (high - low) * (Height - 2 * MarginY))
            : null;

        var partial = points.Count > 1 && points[^1].Partial;
        var full = partial ? points.Count - 1 : points.Count;
        var lines = new List<string>();
        var run = new List<(double X, double Y)>();
        for (var i = 0; i <= full; i++)
        {
            if (i < full && At(i) is { } p)
            {
                run.Add(p);
                continue;
            }
            if (run.Count > 1)
            {
                lines.Add(Smooth(run));
            }
            run.Clear();
        }
        if (partial && At(points.Count - 2) is { } from && At(points.Count - 1) is { } to)
        {
            return new SparklineShape(lines, $"M{N(from.X)},{N(from.Y)} L{N(to.X)},{N(to.Y)}", (to.X / Width * 100, to.Y / Height * 100));
        }
        return new SparklineShape(lines, null, null);
    }

    /// <summary>A curve through every point: each segment a cubic Bézier with Catmull-Rom tangents.</summary>
    private static string Smooth(List<(double X, double Y)> run)
    {
        var path = new StringBuilder($"M{N(run[0].X)},{N(run[0].Y)}");
        for (var i = 0; i < run.Count - 1; i++)
        {
            var (p0, p1, p2, p3) = (run[Math.Max(i - 1, 0)], run[i], run[i + 1], run[Math.Min(i + 2, run.Count - 1)]);
            path.Append(
                $" C{N(p1.X + (p2.X - p0.X) / 6)},{N(p1.Y + (p2.Y - p0.Y) / 6)} {N(p2.X - (p3.X - p1.X) / 6)},{N(p2.Y - (p3.Y - p1.Y) / 6)} {N(p2.X)},{N(p2.Y)}");
        }
        return path.ToString();
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
