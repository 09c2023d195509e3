using Bunit;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Domain.Filters;
using CrmInsight.Web.Components.Filters;
using CrmInsight.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The drill on the data seam: the level is in the URL, a row steps down one level.</summary>
public sealed class DrillPageTests
{
    private static string LastLevel(TestDashboardData data) =>
        (string)data.SpecsOf(TableCatalog.Drill)[^1].Arguments.Value("level")!;

    [Fact]
    public async Task A_region_row_selects_the_region_and_opens_its_teams()
    {
        var data = new TestDashboardData();
        data.SetTable(TableCatalog.Drill, PageModels.Row(TableCatalog.Drill, new DrillRowKey(2), ("name", "South China")));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<DrillPage>("/drill?period=ytd");
        Assert.Equal("region", LastLevel(data));

        await page.Find("[data-testid=table-drill] tbody tr").ClickAsync(new());

        Assert.Equal("http://localhost/drill?period=ytd&region=2&level=team", test.Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal("team", LastLevel(data)), PageTestContext.Patience);
        Assert.Equal("South China", page.Find("[data-testid=crumb-current]").TextContent.Trim());
    }

    [Fact]
    public async Task At_customer_level_a_row_opens_the_customer_and_a_row_without_a_member_opens_nothing()
    {
        var data = new TestDashboardData();
        data.SetTable(TableCatalog.Drill,
            PageModels.Row(TableCatalog.Drill, new DrillRowKey(null), ("name", "(no customer)")),
            PageModels.Row(TableCatalog.Drill, new DrillRowKey(5), ("name", "Bo")));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<DrillPage>("/drill?rep=11&level=customer");

        await page.FindAll("[data-testid=table-drill] tbody tr")[0].ClickAsync(new());
        Assert.Equal("http://localhost/drill?rep=11&level=customer", test.Navigation.Uri);
        await page.FindAll("[data-testid=table-drill] tbody tr")[1].ClickAsync(new());
        Assert.Equal("http://localhost/customers/5?rep=11", test.Navigation.Uri);
    }

    /// <summary>
    /// The browser reports a new address a round trip after the page asks for it. A live refresh
    /// in between read the old address and put its filter back, so a row clicked right after a
    /// period change drilled with the old period.
    /// </summary>
    [Fact]
    public async Task A_live_refresh_before_the_browser_reports_a_chosen_filter_keeps_it_for_the_next_click()
    {
        var data = new TestDashboardData();
        data.SetTable(TableCatalog.Drill, PageModels.Row(TableCatalog.Drill, new DrillRowKey(2), ("name", "South China")));
        await using var test = PageTestContext.Create(data);
        var browser = new RoundTripNavigation("http://localhost/drill?period=ytd");
        test.Context.Services.AddSingleton<NavigationManager>(browser);
        var page = test.Context.Render<DrillPage>();
        PageTestContext.WaitUntilSettled(page);

        var bar = page.FindComponent<FilterBar>();
        await page.InvokeAsync(() => bar.Instance.FilterChanged.InvokeAsync(bar.Instance.Filter.WithPreset(DatePreset.Last7Days)));
        await data.RaiseDataChangedAsync(); // the browser has not reported drill?period=7d yet
        await page.Find("[data-testid=table-drill] tbody tr").ClickAsync(new());

        Assert.Equal(["http://localhost/drill?period=7d", "http://localhost/drill?period=7d&region=2&level=team"], browser.Requested);
    }

    /// <summary>A browser that has not answered yet: navigations are only recorded.</summary>
    private sealed class RoundTripNavigation : NavigationManager
    {
        public RoundTripNavigation(string uri) => Initialize("http://localhost/", uri);

        public List<string> Requested { get; } = [];

        protected override void NavigateToCore(string uri, NavigationOptions options) => Requested.Add(ToAbsoluteUri(uri).ToString());
    }

    [Fact]
    public async Task An_unknown_level_is_named_and_the_drill_starts_at_the_regions()
    {
        var data = new TestDashboardData();
        await using var test = PageTestContext.Create(data);

        var page = test.Render<DrillPage>("/drill?level=planet");

        Assert.Contains("'planet' is not a valid value for 'level'", page.Find("[data-testid=filter-problems]").TextContent, StringComparison.Ordinal);
        Assert.Equal("region", LastLevel(data));
        Assert.Contains("level=region", page.Find("[data-testid=export-csv-drill]").GetAttribute("href")!, StringComparison.Ordinal);
    }
}
