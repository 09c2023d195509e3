using CrmInsight.Domain.Kpis;
using CrmInsight.Web.Components.Charts;

namespace CrmInsight.Tests.Web.Components.Charts;

public sealed class TrendSegmentsTests
{
    private static MonthlyPoint Month(int month, decimal? value, bool partial = false) => new(new DateOnly(2026, month, 1), value, partial);

    /// <summary>October and November over, December three days in (churn 0.93 so far): the line ends at November, the dotted segment runs November → December.</summary>
    [Fact]
    public void A_month_not_over_is_a_segment_from_the_last_full_month_not_a_point_on_the_line()
    {
        var (full, soFar) = TrendSegments.Split([Month(10, 0.28m), Month(11, 0.30m), Month(12, 0.93m, partial: true)]);

        Assert.Equal([Month(10, 0.28m), Month(11, 0.30m)], full);
        Assert.Equal([Month(11, 0.30m), Month(12, 0.93m, partial: true)], soFar);
    }

    [Fact]
    public void Full_months_are_the_line_alone()
    {
        IReadOnlyList<MonthlyPoint> months = [Month(10, 0.28m), Month(11, 0.30m)];

        var (full, soFar) = TrendSegments.Split(months);

        Assert.Equal(months, full);
        Assert.Empty(soFar);
        Assert.Empty(TrendSegments.Split([]).SoFar);
    }

    /// <summary>With no value the month before (an undefined rate), or no month before at all, the month so far is a point of its own.</summary>
    [Fact]
    public void Without_a_full_month_before_it_the_month_so_far_stands_alone()
    {
        Assert.Equal([Month(12, 0.5m, partial: true)], TrendSegments.Split([Month(11, null), Month(12, 0.5m, partial: true)]).SoFar);
        var (full, soFar) = TrendSegments.Split([Month(12, 0.5m, partial: true)]);
        Assert.Empty(full);
        Assert.Equal([Month(12, 0.5m, partial: true)], soFar);
    }
}
