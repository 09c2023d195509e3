using CrmInsight.Web.Security;

namespace CrmInsight.Tests.Web.Security;

public sealed class LandingPageTests
{
    [Theory]
    [InlineData("/", true, "/targets")] // a lead who asked for nothing lands on their teams' targets
    [InlineData("/", false, "/")] // everyone else on the Overview
    [InlineData("/retention?period=ytd", true, "/retention?period=ytd")] // a page asked for is kept
    [InlineData("/targets?team=1", true, "/targets?team=1")]
    [InlineData("/contribution", false, "/contribution")]
    public void A_sales_lead_without_a_page_in_mind_lands_on_sales_targets(string destination, bool isSalesLead, string expected) =>
        Assert.Equal(expected, LandingPage.After(destination, isSalesLead));
}
