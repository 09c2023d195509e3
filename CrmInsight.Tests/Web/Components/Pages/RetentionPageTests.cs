using Bunit;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The Retention page on the data seam.</summary>
public sealed class RetentionPageTests
{
    [Fact]
    public async Task No_churned_customer_says_so_and_a_churned_one_opens_their_page()
    {
        var data = new TestDashboardData { Retention = _ => PageModels.Retention() };
        await using var test = PageTestContext.Create(data);
        var page = test.Render<RetentionPage>("/retention");

        Assert.Contains("No rows match the filters.", page.Find("[data-testid=table-churned-customers]").TextContent, StringComparison.Ordinal);

        data.SetTable(TableCatalog.ChurnedCustomers, PageModels.Row(TableCatalog.ChurnedCustomers, new CustomerRowKey(2), ("customer_code", "C2"), ("name", "Cai")));
        await data.RaiseDataChangedAsync(); // a customer churned meanwhile: the grid follows by itself
        page.WaitForAssertion(() => Assert.Contains("Cai", page.Find("[data-testid=table-churned-customers]").TextContent, StringComparison.Ordinal), PageTestContext.Patience);
        await page.Find("[data-testid=table-churned-customers] tbody tr").ClickAsync(new());

        Assert.Equal("http://localhost/customers/2", test.Navigation.Uri);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_revenue_mix_marks_a_month_not_over(bool partial)
    {
        var mix = new[]
        {
            new RevenueMix(new DateOnly(2024, 2, 1), 40m, 60m, 0m, 80m),
            new RevenueMix(new DateOnly(2024, 3, 1), 4m, 6m, 0m, 9m, partial),
        };
        var data = new TestDashboardData { Retention = _ => PageModels.Retention() with { Mix = mix } };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<RetentionPage>("/retention");

        Assert.Equal(partial ? "true" : "false", page.Find("[data-testid=revenue-mix-chart]").GetAttribute("data-partial"));
    }

    [Fact]
    public async Task Every_kpi_gets_its_tile()
    {
        var data = new TestDashboardData { Retention = _ => PageModels.Retention(new Dictionary<string, decimal?> { ["churn_rate"] = null }) };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<RetentionPage>("/retention");

        Assert.Equal(CrmInsight.Domain.Retention.RetentionService.KpiIds.Count, page.FindAll("[data-testid^=kpi-tile-]").Count);
        Assert.Equal("—", page.Find("[data-testid=kpi-value-churn_rate]").TextContent.Trim()); // undefined, never 0
    }
}
