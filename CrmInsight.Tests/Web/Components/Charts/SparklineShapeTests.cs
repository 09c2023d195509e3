using CrmInsight.Domain.Kpis;
using CrmInsight.Web.Components.Charts;

namespace CrmInsight.Tests.Web.Components.Charts;

public sealed class SparklineShapeTests
{
    private static MonthlyPoint Month(int month, decimal? value, bool partial = false) => new(new DateOnly(2026, month, 1), value, partial);

    /// <summary>
    /// Six months 10, 30, —, 20, 20, 40 (June not over), in the 100 × 40 box with 2 and 4 of margin:
    /// x = 2 + i·19.2 (96 / 5 steps); y = 4 + (40 − v) / 30 · 32 (lowest 10 at the bottom, 36; highest
    /// 40 at the top, 4): 36, 14.67, —, 25.33, 25.33, 4. Two runs around the gap; a run of two is one
    /// Bézier whose control points are a sixth of the chord from each end (Catmull-Rom with the ends
    /// repeated): (2 + 19.2/6, 36 − 21.33/6) = (5.2, 32.44) and (21.2 − 3.2, 14.67 + 3.56) = (18, 18.22).
    /// June is the dotted segment from May (78.8, 25.33) to (98, 4), its hollow point at 98 %, 10 %.
    /// </summary>
    [Fact]
    public void Draws_runs_around_a_gap_and_the_month_so_far_dotted()
    {
        var shape = SparklineShape.Of([Month(1, 10), Month(2, 30), Month(3, null), Month(4, 20), Month(5, 20), Month(6, 40, partial: true)]);

        Assert.Equal(["M2,36 C5.2,32.44 18,18.22 21.2,14.67", "M59.6,25.33 C62.8,25.33 75.6,25.33 78.8,25.33"], shape.Lines);
        Assert.Equal("M78.8,25.33 L98,4", shape.SoFar);
        Assert.Equal((98, 10), shape.LastPoint);
    }

    /// <summary>A flat line sits in the middle (20 of 40); a month alone before a gap draws nothing; no values, no line.</summary>
    [Fact]
    public void A_flat_line_is_centred_a_lone_month_draws_nothing_and_no_values_draw_nothing()
    {
        var flat = SparklineShape.Of([Month(1, 5), Month(2, null), Month(3, 5), Month(4, 5)]);
        Assert.Equal(["M66,20 C71.33,20 92.67,20 98,20"], flat.Lines); // x = 2 + i·32: 66 and 98; a sixth of 32 is 5.33
        Assert.Null(flat.SoFar);
        Assert.Null(flat.LastPoint);
        Assert.Empty(SparklineShape.Of([Month(1, null), Month(2, null)]).Lines);
    }
}
