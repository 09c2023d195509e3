using Bunit;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The Marketing page on the data seam: a campaign row toggles the campaign in the filter.</summary>
public sealed class MarketingPageTests
{
    [Fact]
    public async Task A_campaign_row_selects_the_campaign_for_the_funnel_and_a_second_click_unselects_it()
    {
        var data = new TestDashboardData { Marketing = _ => PageModels.Marketing() };
        data.SetTable(TableCatalog.Campaigns, PageModels.Row(TableCatalog.Campaigns, new CampaignRowKey(7), ("name", "Singles' Day 11.11"), ("roi", 2m)));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<MarketingPage>("/marketing");
        Assert.Equal("· all campaigns", page.Find("[data-testid=funnel-scope]").TextContent.Trim());

        await page.Find("[data-testid=table-campaigns] tbody tr").ClickAsync(new());
        Assert.Equal("http://localhost/marketing?campaign=7", test.Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal("· Singles' Day 11.11", page.Find("[data-testid=funnel-scope]").TextContent.Trim()), PageTestContext.Patience);
        page.WaitForAssertion(() => Assert.Equal(IdSet.Of(7), data.CallsOf("marketing")[^1].Filter.Campaigns), PageTestContext.Patience);

        await page.Find("[data-testid=table-campaigns] tbody tr").ClickAsync(new());
        Assert.Equal("http://localhost/marketing", test.Navigation.Uri);
    }

    [Fact]
    public async Task Only_a_team_scope_is_told_that_spend_is_company_wide()
    {
        var data = new TestDashboardData { Marketing = _ => PageModels.Marketing(), ScopedCatalog = PageModels.NorthCatalog };
        await using (var analyst = PageTestContext.Create(data))
        {
            Assert.Empty(analyst.Render<MarketingPage>("/marketing").FindAll("[data-testid=spend-company-wide]"));
        }
        await using var lead = PageTestContext.Create(data, leadOf: [1]);

        Assert.Single(lead.Render<MarketingPage>("/marketing").FindAll("[data-testid=spend-company-wide]"));
    }
}
