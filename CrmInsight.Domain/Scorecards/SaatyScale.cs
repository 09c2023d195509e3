namespace CrmInsight.Domain.Scorecards;

/// <summary>
/// Saaty's fundamental scale of judgements: 1 equal, 3 moderate, 5 strong, 7 very strong,
/// 9 extreme importance (2, 4, 6, 8 between), and their reciprocals for the other way round.
/// </summary>
public static class SaatyScale
{
    /// <summary>Every value on the scale, from 1/9 to 9.</summary>
    public static IReadOnlyList<double> Values { get; } =
        [.. Enumerable.Range(2, 8).Reverse().Select(v => 1.0 / v), .. Enumerable.Range(1, 9).Select(v => (double)v)];

    /// <summary>Whether <paramref name="value"/> is on the scale (a reciprocal stored to six decimals counts).</summary>
    public static bool Contains(double value) => Values.Any(v => Math.Abs(v - value) < 1e-4);

    /// <summary>The scale value closest to <paramref name="value"/> in ratio terms (what to suggest for a judgement).</summary>
    public static double Nearest(double value) =>
        Values.MinBy(v => Math.Abs(Math.Log(v) - Math.Log(Math.Max(value, 1e-9))));

    /// <summary>"3" or "1/3".</summary>
    public static string Label(double value) =>
        value >= 1 ? Math.Round(value).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1/" + Math.Round(1 / value).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
