using CrmInsight.Domain.Filters;

namespace CrmInsight.Tests.Domain.Filters;

public sealed class FilterQueryStringTests
{
    private static FilterParseResult Parse(string query) =>
        FilterQueryString.Parse(query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string?>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")));

    [Fact]
    public void The_default_filter_has_an_empty_query_string()
    {
        Assert.Equal("", FilterQueryString.Format(DashboardFilter.Default));
        Assert.Equal(DashboardFilter.Default, Parse("").Filter);
    }

    [Fact]
    public void A_page_with_its_own_default_period_leaves_that_one_out_and_writes_the_global_one()
    {
        // Sales targets opens on this month: no period in its URL means this month.
        var none = FilterQueryString.Parse([], DatePreset.ThisMonth);
        Assert.Equal(DatePreset.ThisMonth, none.Filter.Preset);
        Assert.Empty(FilterQueryString.ToPairs(none.Filter, DatePreset.ThisMonth));
        // The global default is then a choice the URL has to state.
        var ninety = DashboardFilter.Default.WithPreset(DatePreset.Last90Days);
        Assert.Equal("period=90d", FilterQueryString.Format(FilterQueryString.ToPairs(ninety, DatePreset.ThisMonth)));
        Assert.Equal(DatePreset.Last90Days, FilterQueryString.Parse([new("period", "90d")], DatePreset.ThisMonth).Filter.Preset);
        Assert.Equal("period=quarter", FilterQueryString.Format(DashboardFilter.Default.WithPreset(DatePreset.ThisQuarter)));
    }

    [Fact]
    public void Round_trips_every_field_with_defaults_left_out()
    {
        var filter = DashboardFilter.Default with
        {
            Preset = DatePreset.YearToDate,
            Comparison = ComparisonMode.SamePeriodLastYear,
            Regions = IdSet.Of(5, 3),
            Campaigns = IdSet.Of(12),
        };

        var text = FilterQueryString.Format(filter);

        Assert.Equal("period=ytd&compare=yoy&region=3,5&campaign=12", text);
        var parsed = Parse(text);
        Assert.True(parsed.IsClean);
        Assert.Equal(filter, parsed.Filter);
    }

    [Fact]
    public void A_custom_range_is_from_and_to_with_to_exclusive()
    {
        var parsed = Parse("from=2024-01-01&to=2024-04-01&region=3");

        Assert.Equal(DatePreset.Custom, parsed.Filter.Preset);
        Assert.Equal(new DateOnly(2024, 1, 1), parsed.Filter.From);
        Assert.Equal(new DateOnly(2024, 4, 1), parsed.Filter.To);
        Assert.Equal("from=2024-01-01&to=2024-04-01&region=3", FilterQueryString.Format(parsed.Filter));
    }

    [Fact]
    public void Repeated_and_comma_separated_ids_are_one_set()
    {
        var parsed = Parse("region=3&region=5,3&rep=7");

        Assert.Equal(IdSet.Of(3, 5), parsed.Filter.Regions);
        Assert.Equal(IdSet.Of(7), parsed.Filter.Reps);
    }

    [Theory]
    [InlineData("period=fortnight", "period", "fortnight")]
    [InlineData("compare=decade", "compare", "decade")]
    [InlineData("from=garbage", "from", "garbage")]
    [InlineData("from=2024-13-01", "from", "2024-13-01")]
    [InlineData("region=abc", "region", "abc")]
    [InlineData("region=-4", "region", "-4")]
    [InlineData("region=0", "region", "0")]
    public void A_malformed_value_is_named_and_ignored(string query, string parameter, string value)
    {
        var parsed = Parse(query);

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(FilterProblemKind.Malformed, problem.Kind);
        Assert.Equal(parameter, problem.Parameter);
        Assert.Equal(value, problem.Value);
        Assert.Contains(parameter, problem.Message, StringComparison.Ordinal);
        Assert.Equal(DashboardFilter.Default, parsed.Filter);
    }

    [Fact]
    public void Good_values_survive_beside_bad_ones()
    {
        var parsed = Parse("region=3,x,5&period=30d");

        Assert.Equal(IdSet.Of(3, 5), parsed.Filter.Regions);
        Assert.Equal(DatePreset.Last30Days, parsed.Filter.Preset);
        Assert.Equal("x", Assert.Single(parsed.Problems).Value);
    }

    [Theory]
    [InlineData("from=2024-04-01&to=2024-04-01")]
    [InlineData("from=2024-04-01&to=2024-03-01")]
    [InlineData("from=1999-12-31")]
    public void A_range_that_is_not_a_range_is_reported(string query)
    {
        var parsed = Parse(query);

        Assert.Contains(parsed.Problems, p => p.Kind == FilterProblemKind.InvalidRange);
    }

    [Fact]
    public void To_without_from_is_ignored_with_a_message()
    {
        var parsed = Parse("to=2024-04-01");

        Assert.Equal(DashboardFilter.Default, parsed.Filter);
        Assert.Equal("to", Assert.Single(parsed.Problems).Parameter);
    }

    [Fact]
    public void Parameter_names_are_case_insensitive() =>
        Assert.Equal(IdSet.Of(2), Parse("Region=2").Filter.Regions);
}
