using System.Globalization;
using CrmInsight.Domain.Overview;
using CrmInsight.Web;
using CrmInsight.Web.Live;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Live;

public sealed class WallViewsTests
{
    [Fact]
    public void Views_parse_in_the_order_given_and_an_unknown_one_is_named()
    {
        Assert.True(WallViews.TryParse(" Service ,headline", out var views, out _));
        Assert.Equal(["service", "headline"], views.Select(v => v.Name));

        Assert.False(WallViews.TryParse("headline,weather", out _, out var problem));
        Assert.Contains("'weather' is not a wall view", problem, StringComparison.Ordinal);
        Assert.False(WallViews.TryParse(" , ", out _, out _));
    }

    [Fact]
    public void Every_tile_of_every_view_is_one_the_overview_loads()
    {
        // Walls read the Overview's data, so they share its cached results; a tile it does not load would be missing.
        var overview = OverviewService.Tiles.SelectMany(t => t.Ids).ToHashSet(StringComparer.Ordinal);

        Assert.All(WallViews.All.SelectMany(v => v.KpiIds), id => Assert.Contains(id, overview));
    }

    [Fact]
    public void Every_view_title_is_translated()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            Assert.All(WallViews.All, v => Assert.False(localizer[v.Title].ResourceNotFound, v.Title));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("headline,nope", 30, "Wall:Views")]
    [InlineData("headline", 2, "Wall:IntervalSeconds")]
    public void Bad_wall_settings_stop_the_app_with_a_message(string views, int interval, string message)
    {
        var result = new WallOptionsValidator().Validate(null, new WallOptions { Views = views, IntervalSeconds = interval });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }
}
