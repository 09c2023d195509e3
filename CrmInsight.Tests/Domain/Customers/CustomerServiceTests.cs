using CrmInsight.Domain.Customers;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Customers;

/// <summary>C1 of <see cref="GoldenDataset"/>: O1 100 (Jan 10), O2 200 (Feb 5), O6 300 and O7 100 (March).</summary>
public sealed class CustomerServiceTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_360_view_shows_period_and_lifetime_sales_and_the_history()
    {
        var view = await _db.Customers.GetAsync(1, March, DataScope.All);

        Assert.NotNull(view);
        Assert.Equal("Ann", view.Profile.Name);
        Assert.Equal("North team", view.Profile.Team);
        Assert.Equal((400m, 2L, 170m, 30m), (view.Sales.Revenue, view.Sales.Orders, view.Sales.GrossProfit, view.Sales.Returns));
        Assert.Equal(200m, view.Sales.AverageOrderValue);
        Assert.Equal(200m, view.ComparisonSales.Revenue); // P' holds O2
        Assert.Equal((700m, 4L), (view.Sales.LifetimeRevenue, view.Sales.LifetimeOrders));
        Assert.Equal((new DateOnly(2024, 1, 10), new DateOnly(2024, 3, 20)), (view.Sales.FirstOrder, view.Sales.LastOrder));
        // S1, T1 and three campaign touches, newest first.
        Assert.Equal(
            [CustomerEventKind.Ticket, CustomerEventKind.Survey, CustomerEventKind.CampaignTouch, CustomerEventKind.CampaignTouch, CustomerEventKind.CampaignTouch],
            view.History.Select(h => h.Kind).Order());
        Assert.Equal(new DateOnly(2024, 3, 6), view.History[0].Date);
        // S1 scored CSAT 90: a survey's score is its CSAT; a survey is never a complaint.
        Assert.Contains(view.History, h => h is { Kind: CustomerEventKind.Survey, Code: "S1", Score: 90m, Complaint: false });
        // T1 (billing, e-mail) was a complaint and is resolved; a ticket has no score.
        Assert.Contains(view.History, h => h is { Kind: CustomerEventKind.Ticket, Code: "T1", Detail: "billing", Channel: "email", Outcome: "resolved", Score: null, Complaint: true });
    }

    [Fact]
    public async Task A_customer_outside_the_scope_is_not_found()
    {
        Assert.Null(await _db.Customers.GetAsync(1, March, DataScope.ForTeams(IdSet.Of(2))));
        Assert.Null(await _db.Customers.GetAsync(999, March, DataScope.All));
    }

    [Fact]
    public async Task The_order_list_pages_the_customers_orders_of_the_period_newest_first()
    {
        var page = await _db.Tables.ReadPageAsync(TableCatalog.CustomerOrders, March, DataScope.All,
            TableCatalog.CustomerOrders.Request(null, null, 0, 1), SqlArgs.Empty.With("customer_id", 1L));

        Assert.Equal(2, page.Total);
        Assert.Equal("O7", Assert.Single(page.Rows).GetString("order_code"));
    }
}
