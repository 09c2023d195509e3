using Bunit;
using CrmInsight.Domain.Filters;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The Overview on the data seam: the filter it reads with, what it shows for the data it gets, errors and live changes.</summary>
public sealed class OverviewTests
{
    [Fact]
    public async Task The_filter_of_the_address_reaches_the_read_and_an_unknown_member_is_named_and_dropped()
    {
        var data = new TestDashboardData { Overview = _ => PageModels.Overview() };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<Overview>("/?period=ytd&region=1&region=99");

        var read = Assert.Single(data.CallsOf("overview"));
        Assert.Equal(DatePreset.YearToDate, read.Filter.Preset);
        Assert.Equal(IdSet.Of(1), read.Filter.Regions); // 99 is no region: dropped, not sent
        Assert.Contains("There is no region with id 99", page.Find("[data-testid=filter-problems]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Region: East China", page.Find("[data-testid=chip-region-1]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_outside_a_sales_leads_scope_is_refused_with_a_chip_and_the_read_keeps_their_scope()
    {
        var data = new TestDashboardData { Overview = _ => PageModels.Overview(), ScopedCatalog = PageModels.NorthCatalog };
        await using var test = PageTestContext.Create(data, leadOf: [1]);

        var page = test.Render<Overview>("/?team=2");

        Assert.Equal("Sales team 2", page.Find("[data-testid=scope-refused]").TextContent.Trim());
        var read = Assert.Single(data.CallsOf("overview"));
        Assert.True(read.Filter.Teams.IsEmpty); // refused, not widened to
        Assert.Equal(IdSet.Of(1), read.Scope.Teams);
    }

    [Fact]
    public async Task Shows_a_section_only_for_the_areas_it_has_tiles_for()
    {
        var data = new TestDashboardData { Overview = _ => PageModels.Overview(only: ["revenue", "csat"]) };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<Overview>("/");

        Assert.Equal(["area-contribution", "area-satisfaction"], page.FindAll("section[data-testid^=area-]").Select(s => s.GetAttribute("data-testid")!));
        Assert.Empty(page.FindAll("[data-testid=open-targets]")); // the link to Sales targets sits in the sales section
        Assert.Single(page.FindAll("[data-testid=kpi-tile-revenue]"));
    }

    [Fact]
    public async Task The_kpi_of_the_address_opens_its_panel_and_an_unknown_one_is_named()
    {
        var data = new TestDashboardData { Overview = _ => PageModels.Overview() };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<Overview>("/?kpi=gross_margin");
        Assert.Contains("Gross margin", page.Find("[data-testid=kpi-detail]").TextContent, StringComparison.Ordinal);

        test.Navigation.NavigateTo("/?kpi=nope");
        page.WaitForAssertion(() => Assert.Contains("'nope' is not a valid value for 'kpi'", page.Find("[data-testid=filter-problems]").TextContent, StringComparison.Ordinal), PageTestContext.Patience);
        Assert.Empty(page.FindAll("[data-testid=kpi-detail]"));
    }

    [Fact]
    public async Task A_sales_tile_opens_sales_targets_with_the_filter_and_any_other_opens_its_panel_here()
    {
        var data = new TestDashboardData { Overview = _ => PageModels.Overview() };
        await using var test = PageTestContext.Create(data);
        var page = test.Render<Overview>("/?region=1");

        await page.Find("[data-testid=kpi-tile-attainment]").ClickAsync(new());
        // The Overview's default period is written out: Sales targets opens on this month otherwise.
        Assert.Equal("http://localhost/targets?period=90d&region=1&kpi=attainment", test.Navigation.Uri);

        test.Navigation.NavigateTo("/?region=1");
        PageTestContext.WaitUntilSettled(page);
        await page.Find("[data-testid=kpi-tile-csat]").ClickAsync(new());
        Assert.Equal("http://localhost/?region=1&kpi=csat", test.Navigation.Uri);
    }

    [Fact]
    public async Task A_failed_load_shows_the_error_state_and_recovers_by_itself()
    {
        var data = new TestDashboardData { Overview = _ => PageModels.Overview(), Failure = new InvalidOperationException("database away") };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<Overview>("/");
        Assert.Equal("The data could not be loaded; trying again…", page.Find("[data-testid=load-error]").TextContent.Trim());
        Assert.DoesNotContain("database away", page.Markup, StringComparison.Ordinal); // never the exception's text
        Assert.Empty(page.FindAll("[data-testid^=kpi-tile-]"));

        data.Failure = null;
        test.Time.Advance(TimeSpan.FromSeconds(2)); // past the first retry's wait (1 s, with jitter)
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-tile-revenue]")), PageTestContext.Patience);
        Assert.Empty(page.FindAll("[data-testid=load-error]"));
    }

    [Fact]
    public async Task A_live_data_change_redraws_the_tiles_with_the_new_figures()
    {
        var revenue = 1000m;
        var data = new TestDashboardData { Overview = _ => PageModels.Overview(new Dictionary<string, decimal?> { ["revenue"] = revenue }) };
        await using var test = PageTestContext.Create(data);
        var page = test.Render<Overview>("/");
        Assert.Equal("1000", page.Find("[data-testid=kpi-value-revenue]").GetAttribute("data-value"));

        revenue = 1250m;
        await data.RaiseDataChangedAsync();

        page.WaitForAssertion(() => Assert.Equal("1250", page.Find("[data-testid=kpi-value-revenue]").GetAttribute("data-value")), PageTestContext.Patience);
        Assert.Equal(2, data.CallsOf("overview").Count);
        Assert.Empty(page.FindAll("[data-testid=loading]")); // quietly: no spinner for a live refresh
    }
}
