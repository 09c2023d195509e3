using Bunit;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The Contribution page on the data seam.</summary>
public sealed class ContributionPageTests
{
    [Fact]
    public async Task Clv_is_a_panel_not_a_tile_and_every_other_kpi_is_a_tile()
    {
        var data = new TestDashboardData { Contribution = _ => PageModels.Contribution() };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<ContributionPage>("/contribution");

        var tiles = page.FindAll("[data-testid^=kpi-tile-]").Select(t => t.GetAttribute("data-testid")!["kpi-tile-".Length..]).ToList();
        Assert.Equal(CrmInsight.Domain.Contribution.ContributionService.KpiIds.Where(id => id != "clv"), tiles);
    }

    [Fact]
    public async Task A_top_customer_row_opens_their_page_with_the_filter_kept_and_the_grid_reads_the_pages_filter()
    {
        var data = new TestDashboardData { Contribution = _ => PageModels.Contribution() };
        data.SetTable(TableCatalog.TopCustomers,
            PageModels.Row(TableCatalog.TopCustomers, new CustomerRowKey(5), ("customer_code", "C5"), ("name", "Bo"), ("revenue", 80m)),
            PageModels.Row(TableCatalog.TopCustomers, new CustomerRowKey(1), ("customer_code", "C1"), ("name", "Ann"), ("revenue", 400m)));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<ContributionPage>("/contribution?period=ytd&region=2");

        Assert.Equal(IdSet.Of(2), Assert.Single(data.CallsOf("table:top-customers")).Filter.Regions);
        await page.FindAll("[data-testid=table-top-customers] tbody tr")[1].ClickAsync(new());

        Assert.Equal("http://localhost/customers/1?period=ytd&region=2", test.Navigation.Uri);
    }

    [Fact]
    public async Task A_grid_that_cannot_be_read_says_so_while_the_rest_of_the_page_shows()
    {
        var data = new TestDashboardData { Contribution = _ => PageModels.Contribution() };
        data.SetTable<CustomerRowKey>(TableCatalog.TopCustomers, (_, _) => throw new InvalidOperationException("timeout"));
        await using var test = PageTestContext.Create(data);

        test.Navigation.NavigateTo("/contribution");
        var page = test.Context.Render<ContributionPage>();

        page.WaitForAssertion(() => Assert.Equal("The rows could not be loaded; trying again…", page.Find("[data-testid=table-error-top-customers]").TextContent.Trim()), PageTestContext.Patience);
        Assert.NotEmpty(page.FindAll("[data-testid=kpi-tile-revenue]"));
        Assert.Empty(page.FindAll("[data-testid=load-error]"));
        Assert.Equal("loading", page.Find(".page-state").GetAttribute("data-state")); // the grid has not drawn its rows
    }
}
