using CrmInsight.Domain.Kpis;

namespace CrmInsight.Web.Components.Charts;

/// <summary>
/// A monthly series as a chart draws it: the full months as the line, and a last month that is not
/// over (<see cref="MonthlyPoint.Partial"/>) apart, as a dotted segment from the last full month to
/// it, the way the sparklines draw it. A few days of a month are not a month: drawn on the line, a
/// rate such as churn reads as a collapse (93 % "churn" three days into December).
/// </summary>
public static class TrendSegments
{
    /// <summary>
    /// The full months, and the segment to the month so far: empty when the last month is over; else
    /// the last full month (when it has a value) and the month so far.
    /// </summary>
    public static (IReadOnlyList<MonthlyPoint> Full, IReadOnlyList<MonthlyPoint> SoFar) Split(IReadOnlyList<MonthlyPoint> points)
    {
        if (points.Count == 0 || !points[^1].Partial)
        {
            return (points, []);
        }
        var full = points.Take(points.Count - 1).ToList();
        IReadOnlyList<MonthlyPoint> soFar = full.Count > 0 && full[^1].Value is not null ? [full[^1], points[^1]] : [points[^1]];
        return (full, soFar);
    }
}
