using CrmInsight.Domain.Kpis;

namespace CrmInsight.Tests.Domain.Kpis;

public sealed class KpiResultTests
{
    private readonly KpiCatalog _catalog = new();

    private KpiResult Result(string id, decimal? value, decimal? comparison) =>
        new(_catalog.Get(id), value, comparison, [], [], []);

    [Fact]
    public void Money_changes_relative_to_the_comparison()
    {
        Assert.Equal(0.25m, Result("revenue", 125m, 100m).Change);
        Assert.Equal(-0.5m, Result("revenue", 50m, 100m).Change);
    }

    [Fact]
    public void A_negative_comparison_keeps_the_sign_of_the_movement() =>
        Assert.Equal(0.5m, Result("gross_profit", -50m, -100m).Change); // a smaller loss is up

    [Fact]
    public void Rates_change_in_points() => Assert.Equal(0.03m, Result("retention_rate", 0.83m, 0.80m).Change);

    [Fact]
    public void Undefined_on_either_side_leaves_the_change_undefined()
    {
        Assert.Null(Result("revenue", 10m, 0m).Change);
        Assert.Null(Result("csat", null, 80m).Change);
        Assert.Null(Result("csat", 80m, null).Change);
    }

    [Theory]
    [InlineData("revenue", 110, 100, 1)]
    [InlineData("revenue", 90, 100, -1)]
    [InlineData("churn_rate", 0.1, 0.2, 1)] // churn falling is good news
    [InlineData("churn_rate", 0.3, 0.2, -1)]
    [InlineData("first_response_time", 30, 30, 0)]
    [InlineData("gross_margin", 0.2850, 0.2853, 0)] // −0.03 points rounds to nothing: flat
    [InlineData("gross_margin", 0.2850, 0.2860, -1)]
    [InlineData("nps", 34.1, 34.14, 0)]
    [InlineData("nps", 34.1, 34.2, -1)]
    public void Sentiment_follows_the_direction(string id, double value, double comparison, int sentiment) =>
        Assert.Equal(sentiment, Result(id, (decimal)value, (decimal)comparison).Sentiment);
}
