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
    public static (IReadOnlyList<MonthlyPoint> Full, IReadOnlyList<MonthlyPoint> SoFar) Split(IReadOnlyList<MonthlyPoint> points) =>
        Split(points, p => p.Partial, p => p.Value is not null);

    /// <summary>
    /// The same for any monthly series (the revenue mix): <paramref name="partial"/> says whether a
    /// month is not over, <paramref name="hasValue"/> whether it has a point to start the segment from.
    /// </summary>
    public static (IReadOnlyList<T> Full, IReadOnlyList<T> SoFar) Split<T>(IReadOnlyList<T> points, Func<T, bool> partial, Func<T, bool> hasValue)
    {
        if (points.Count == 0 || !partial(points[^1]))
        {
            return (points, []);
        }
        var full = points.Take(points.Count - 1).ToList();
        IReadOnlyList<T> soFar = full.Count > 0 && hasValue(full[^1]) ? [full[^1], points[^1]] : [points[^1]];
        return (full, soFar);
    }
}
